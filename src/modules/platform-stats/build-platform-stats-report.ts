import type { Database } from "@campotech/database";
import { adminDb } from "../../lib/db";
import { readUptime } from "../observability/read-uptime";
import { readWebhookAckStats } from "../observability/read-webhook-ack-stats";
import { countMessages, type MessageCounts } from "./count-messages";
import { countOrganizations, type OrganizationCounts } from "./count-organizations";
import { estimateMessageCost, type MessageCost } from "./estimate-message-cost";
import { evaluateBspTriggers, type BspTrigger } from "./evaluate-bsp-triggers";
import { measureAiResolution, type AiResolution } from "./measure-ai-resolution";
import { measureDelivery, type DeliveryStats } from "./measure-delivery";
import { measureStorage, type StorageUsed } from "./measure-storage";
import { peakConcurrentConversations, type ConcurrentConversations } from "./peak-concurrent-conversations";
import { resolveStatsPeriod, UPTIME_DAYS } from "./stats-period";

export const UPTIME_SERVICES = ["web", "workers", "postgres", "redis"] as const;

export type PlatformStatsReport = {
  period: { from: string; to: string; days: number; start: string; end: string };
  generatedAt: string;
  organizations: OrganizationCounts;
  messages: MessageCounts & { monthlyVolume: number; perActiveOrganization: number | null };
  webhook: { count: number; avgMs: number | null; p95Ms: number | null };
  uptime: { days: number; start: string; end: string; services: { service: string; minutes: number; upMinutes: number; ratio: number | null }[] };
  delivery: DeliveryStats;
  aiResolution: AiResolution;
  concurrentConversations: { peak: number; hourStart: string | null };
  storage: StorageUsed;
  cost: MessageCost;
  bspTriggers: BspTrigger[];
};

// The platform statistics for the BSP application, across every organization, read as the owner role (RLS would
// hide other tenants). from/to: Buenos Aires days (default the last 30); uptime always covers 90 days ending at `to`.
export async function buildPlatformStatsReport(input: { from?: string; to?: string; now: Date }, database: Database = adminDb()): Promise<PlatformStatsReport> {
  const period = resolveStatsPeriod(input);
  const range = { from: period.start, to: period.end };
  const messages = await countMessages(database, period);
  const organizations = await countOrganizations(database, period, messages);
  const acks = await readWebhookAckStats(database, range);
  const services = [];
  for (const service of UPTIME_SERVICES) {
    const u = await readUptime(database, { from: period.uptimeStart, to: period.uptimeEnd, service });
    services.push({ service, minutes: u.minutes, upMinutes: u.upMinutes, ratio: u.ratio });
  }
  const cost = await estimateMessageCost(database, period);
  const peak: ConcurrentConversations = await peakConcurrentConversations(database, period);
  const monthlyVolume = Math.round((messages.total * 30) / period.days);
  return {
    period: { from: period.from, to: period.to, days: period.days, start: period.start.toISOString(), end: period.end.toISOString() },
    generatedAt: period.now.toISOString(),
    organizations,
    messages: { ...messages, monthlyVolume, perActiveOrganization: organizations.active === 0 ? null : messages.total / organizations.active },
    webhook: { count: acks.count, avgMs: acks.avgMs, p95Ms: acks.p95Ms },
    uptime: { days: UPTIME_DAYS, start: period.uptimeStart.toISOString(), end: period.uptimeEnd.toISOString(), services },
    delivery: await measureDelivery(database, period),
    aiResolution: await measureAiResolution(database, period),
    concurrentConversations: { peak: peak.peak, hourStart: peak.hourStart?.toISOString() ?? null },
    storage: await measureStorage(database),
    cost,
    bspTriggers: evaluateBspTriggers({
      withAssistant: organizations.withAssistant, monthlyVolume, monthlyCostCents: cost.monthlyCents,
      uptime: services[0]!.ratio, webhookP95Ms: acks.p95Ms,
    }),
  };
}
