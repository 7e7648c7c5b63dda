import type { Prisma } from "@campotech/database";
import { db, withTenant } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { getMediaStorage } from "../media/get-media-storage";
import type { MediaStorage } from "../media/media-storage";
import { purgeOrganizationPositions } from "../tracking/purge-position-history";
import { purgeMessageBatch } from "./purge-message-batch";
import { addCounts, countsTotal, emptyCounts, type OrganizationRetention, type RetentionCounts, type RetentionReport } from "./retention-report";
import { LOG_RETENTION_DAYS, RETENTION_BATCH_SIZE, retentionCutoffs, type RetentionCutoffs } from "./retention-policy";

export type RunRetentionInput = {
  now?: Date;
  dryRun?: boolean;
  organizationId?: string;
  batchSize?: number;
  storage?: MediaStorage;
  // Who started it, for the audit entry: the daily job or an operator's CLI run.
  trigger?: "job" | "cli";
};

// The daily retention pass (Ley 25.326): message bodies and media past the plan's days, conversations a year without
// messages (soft-deleted), log-like rows past 30 days and position history past the organization's window. Never
// touches AuditLog or Invoice rows. Each kind is worked through in batches of short transactions, so re-running is
// safe (what is done is no longer selected) and a big organization never holds long locks. A dry run counts the
// same selections and changes nothing. A real run appends one audit entry per organization it changed.
export async function runRetention(input: RunRetentionInput = {}): Promise<RetentionReport> {
  const now = input.now ?? new Date();
  const dryRun = input.dryRun ?? false;
  const ctx = { now, dryRun, limit: input.batchSize ?? RETENTION_BATCH_SIZE, storage: input.storage ?? getMediaStorage() };
  const ids = input.organizationId
    ? [input.organizationId]
    : (await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`).map((r) => r.id);
  const report: RetentionReport = { dryRun, now: now.toISOString(), organizations: [], platform: { unroutedNumbers: 0 }, totals: emptyCounts() };
  for (const organizationId of ids) {
    const organization = await withTenant(organizationId, (tx) =>
      tx.organization.findUnique({ where: { id: organizationId }, select: { name: true, tier: true, trialEndsAt: true } }));
    if (!organization) continue;
    const cutoffs = retentionCutoffs(organization, now);
    const counts = await retainOrganization(organizationId, cutoffs, ctx);
    if (!dryRun && countsTotal(counts) > 0) {
      await withTenant(organizationId, (tx) => appendAuditLog(tx, {
        organizationId, actorType: "SYSTEM", action: "retention.purged", entityType: "organization", entityId: organizationId,
        metadata: { ...counts, messageDays: cutoffs.messageDays, trigger: input.trigger ?? "job", at: now.toISOString() },
      }));
    }
    report.organizations.push({ organizationId, name: organization.name, messageDays: cutoffs.messageDays, counts } satisfies OrganizationRetention);
    addCounts(report.totals, counts);
  }
  if (!input.organizationId) report.platform.unroutedNumbers = await purgeUnroutedNumbers(ctx);
  return report;
}

type Ctx = { now: Date; dryRun: boolean; limit: number; storage: MediaStorage };

// Runs `step` (one short transaction) until it selects less than a full batch. issue 22 (workers3): what a step
// counts is what it changed itself — its updates re-check the selection, so a row a concurrent pass changed first
// is neither changed again nor counted twice — while the loop goes on by what it selected.
type Step = { done: number; selected: number };
async function drain(limit: number, step: () => Promise<Step | number>): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await step();
    const { done, selected } = typeof result === "number" ? { done: result, selected: result } : result;
    total += done;
    if (selected < limit) return total;
  }
}

async function retainOrganization(organizationId: string, cut: RetentionCutoffs, ctx: Ctx): Promise<RetentionCounts> {
  const tenant = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(organizationId, fn);
  const messageWhere = { organizationId, createdAt: { lt: cut.messagesBefore }, purgedAt: null };
  const conversationWhere: Prisma.WhatsAppConversationWhereInput = {
    organizationId, deletedAt: null,
    OR: [{ lastMessageAt: { lt: cut.conversationsInactiveBefore } }, { lastMessageAt: null, createdAt: { lt: cut.conversationsInactiveBefore } }],
  };
  const statusWhere = { organizationId, createdAt: { lt: cut.logsBefore } };
  const runWhere: Prisma.AssistantRunWhereInput = {
    organizationId, createdAt: { lt: cut.logsBefore },
    OR: [{ reply: { not: null } }, { error: { not: null } }, { NOT: { toolCalls: { equals: [] } } }],
  };
  const counts = emptyCounts();
  if (ctx.dryRun) {
    return tenant(async (tx) => addCounts(counts, {
      messages: await tx.whatsAppMessage.count({ where: messageWhere }),
      mediaFiles: await tx.whatsAppMessage.count({ where: { ...messageWhere, mediaStorageKey: { not: null } } }),
      conversations: await tx.whatsAppConversation.count({ where: conversationWhere }),
      statusEvents: await tx.whatsAppStatusEvent.count({ where: statusWhere }),
      parkedStatuses: await tx.whatsAppParkedStatus.count({ where: statusWhere }),
      assistantRuns: await tx.assistantRun.count({ where: runWhere }),
      positions: await purgeOrganizationPositions(tx, organizationId, { now: ctx.now, dryRun: true }),
    }));
  }
  counts.messages = await drain(ctx.limit, () => tenant(async (tx) => {
    const done = await purgeMessageBatch(tx, ctx.storage, { where: messageWhere, limit: ctx.limit, reason: "retention", now: ctx.now });
    counts.mediaFiles += done.mediaFiles;
    return { done: done.messages, selected: done.selected };
  }));
  const batchIds = async (find: () => Promise<{ id: string }[]>) => (await find()).map((r) => r.id);
  counts.conversations = await drain(ctx.limit, () => tenant(async (tx) => {
    const ids = await batchIds(() => tx.whatsAppConversation.findMany({ where: conversationWhere, select: { id: true }, take: ctx.limit }));
    return { done: (await tx.whatsAppConversation.updateMany({ where: { id: { in: ids }, ...conversationWhere }, data: { deletedAt: ctx.now } })).count, selected: ids.length };
  }));
  counts.statusEvents = await drain(ctx.limit, () => tenant(async (tx) => {
    const ids = await batchIds(() => tx.whatsAppStatusEvent.findMany({ where: statusWhere, select: { id: true }, take: ctx.limit }));
    return { done: (await tx.whatsAppStatusEvent.deleteMany({ where: { id: { in: ids } } })).count, selected: ids.length };
  }));
  counts.parkedStatuses = await drain(ctx.limit, () => tenant(async (tx) => {
    const ids = await batchIds(() => tx.whatsAppParkedStatus.findMany({ where: statusWhere, select: { id: true }, take: ctx.limit }));
    return { done: (await tx.whatsAppParkedStatus.deleteMany({ where: { id: { in: ids } } })).count, selected: ids.length };
  }));
  // AssistantRun rows stay (they meter the plan's AI conversations); what the assistant said and did goes.
  counts.assistantRuns = await drain(ctx.limit, () => tenant(async (tx) => {
    const ids = await batchIds(() => tx.assistantRun.findMany({ where: runWhere, select: { id: true }, take: ctx.limit }));
    return { done: (await tx.assistantRun.updateMany({ where: { id: { in: ids }, ...runWhere }, data: { reply: null, error: null, toolCalls: [] } })).count, selected: ids.length };
  }));
  counts.positions = await drain(ctx.limit, () => tenant((tx) => purgeOrganizationPositions(tx, organizationId, { now: ctx.now, limit: ctx.limit })));
  return counts;
}

// Not tenant data (RLS gives the application role no access): the SECURITY DEFINER function
// campotech_purge_unrouted_numbers removes sightings of unknown business numbers not seen for LOG_RETENTION_DAYS.
async function purgeUnroutedNumbers(ctx: Ctx): Promise<number> {
  const before = new Date(ctx.now.getTime() - LOG_RETENTION_DAYS * 86_400_000).toISOString();
  const call = async () => (await db.$queryRaw<{ n: number }[]>`
    SELECT campotech_purge_unrouted_numbers(${before}::timestamp(3), ${ctx.limit}::int, ${ctx.dryRun}) AS n`)[0]!.n;
  return ctx.dryRun ? call() : drain(ctx.limit, call);
}
