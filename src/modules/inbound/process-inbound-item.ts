import type { Prisma } from "@campotech/database";
import { createHash } from "node:crypto";
import type { InboundMessage, InboundSender, InboundStatus, ProviderIssue } from "../../integrations/whatsapp/inbound-events";
import type { BspProvider } from "../../integrations/whatsapp/types";
import { withTenant } from "../../lib/db";
import { applyStatus } from "./apply-status";
import { FOLLOW_UP_JOBS, safeJobId, type CommittedWork } from "./follow-up";
import type { WebhookRoute } from "./resolve-webhook-route";
import { toMessageStatus } from "./status-machine";
import { storeInboundMessage } from "./store-inbound-message";

// One item of a delivery: what is processed (and, if it cannot be, dead-lettered and later replayed) on its own.
export type InboundItem =
  | { kind: "message"; message: InboundMessage; contacts: InboundSender[] }
  | { kind: "status"; status: InboundStatus }
  // Value-level errors[] of one change; auditKey (deliveryId:changeIndex) makes their audit ids stable.
  | { kind: "errors"; errors: ProviderIssue[]; auditKey: string };

export type ItemContext = {
  route: WebhookRoute;
  provider: BspProvider;
  deliveryId: string;
  aggregationWindowMs: number;
  onCommitted: (work: CommittedWork) => Promise<void>;
};

export type ItemOutcome = "message" | "duplicate" | "status" | "parked" | "errors";

export function itemKey(item: InboundItem): string {
  if (item.kind === "message") return item.message.id;
  if (item.kind === "status") return `${item.status.messageId}:${item.status.providerStatus}`;
  return item.auditKey;
}

// Each message/status in its own tenant transaction: a failure rolls back only this item, and redoing it is a no-op
// once it committed (unique provider ids).
export async function processInboundItem(item: InboundItem, ctx: ItemContext): Promise<ItemOutcome> {
  const { route } = ctx;
  if (item.kind === "message") {
    const work = await withTenant(route.organizationId, (tx) =>
      storeInboundMessage(tx, { ...route, aggregationWindowMs: ctx.aggregationWindowMs }, item.message, item.contacts),
    );
    await ctx.onCommitted(work);
    return work.duplicate ? "duplicate" : "message";
  }
  if (item.kind === "status") return processStatus(item.status, ctx);
  await recordValueErrors(item.errors, item.auditKey, ctx);
  return "errors";
}

async function processStatus(status: InboundStatus, ctx: ItemContext): Promise<ItemOutcome> {
  const { organizationId } = ctx.route;
  const issue = status.errors[0];
  const result = await withTenant(organizationId, (tx) =>
    applyStatus(tx, organizationId, {
      waMessageId: status.messageId,
      status: toMessageStatus(status.status),
      providerStatus: status.providerStatus,
      timestamp: status.timestamp,
      errorCode: issue?.code ?? null,
      errorTitle: issue ? issue.title || issue.message || null : null,
      details: { ...status.details, ...(status.errors.length ? { errors: status.errors } : {}) },
    }),
  );
  // A message that failed for good after the provider accepted it (131026, 131047, Twilio 63016…): the outbound
  // engine decides between the fallback template and SMS.
  const failed = result.events.flatMap((e) => (e.type === "message.status" && e.status === "FAILED" ? [e] : []));
  const jobs = failed.map((e) => ({
    name: FOLLOW_UP_JOBS.outboundFailed,
    payload: { organizationId, messageId: e.messageId },
    jobId: safeJobId("failed", e.messageId),
  }));
  await ctx.onCommitted({ events: result.events, jobs });
  return result.outcome === "parked" ? "parked" : "status";
}

// Value-level errors[] (system or app problems such as 130429) go to the organization's audit log. Ids derived
// from the delivery make a redelivery insert nothing.
async function recordValueErrors(errors: ProviderIssue[], auditKey: string, ctx: ItemContext): Promise<void> {
  const { route } = ctx;
  await withTenant(route.organizationId, (tx) =>
    tx.auditLog.createMany({
      data: errors.map((error, i) => ({
        id: `whe_${createHash("sha256").update(`${auditKey}:${i}`).digest("hex").slice(0, 32)}`,
        organizationId: route.organizationId,
        actorType: "SYSTEM" as const,
        action: "whatsapp.webhook_error",
        entityType: "WhatsAppBusinessAccount",
        entityId: route.accountId,
        metadata: { provider: ctx.provider, deliveryId: ctx.deliveryId, ...error } as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    }),
  );
}
