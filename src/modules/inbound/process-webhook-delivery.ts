import type { Prisma } from "@campotech/database";
import { createHash } from "node:crypto";
import { parseMetaWebhook } from "../../integrations/meta/webhook-events";
import { parseTwilioWebhook } from "../../integrations/twilio/webhook-events";
import type { InboundChange, InboundDelivery, ProviderIssue } from "../../integrations/whatsapp/inbound-events";
import { withTenant } from "../../lib/db";
import { applyTemplateStatusWebhook } from "../templates/apply-template-status-webhook";
import type { Logger } from "../../lib/logger";
import type { WebhookDelivery } from "../../workers/payloads/webhook-delivery";
import { applyStatus } from "./apply-status";
import { FOLLOW_UP_JOBS, safeJobId, type CommittedWork } from "./follow-up";
import { recordUnroutedNumber } from "./record-unrouted-number";
import { resolveWebhookRoute, type WebhookRoute } from "./resolve-webhook-route";
import { toMessageStatus } from "./status-machine";
import { storeInboundMessage } from "./store-inbound-message";

export type ProcessWebhookOptions = {
  aggregationWindowMs: number;
  logger: Logger;
  // Runs after each transaction commits: publish its events, enqueue its jobs.
  onCommitted: (work: CommittedWork) => Promise<void>;
};

export type ProcessWebhookSummary = {
  messages: number;
  duplicates: number;
  statuses: number;
  parked: number;
  errors: number;
  unrouted: number;
  templateUpdates: number;
  ignoredFields: string[];
};

export class InvalidDeliveryError extends Error {
  override name = "InvalidDeliveryError";
}

// A verified delivery, exactly as received, becomes customers, conversations, messages and statuses. Every change,
// message, status and error is processed (batches included), each message/status in its own tenant transaction,
// so one bad item cannot roll back the others and a retry redoes only what did not commit (the rest is a no-op
// by unique keys).
export async function processWebhookDelivery(delivery: WebhookDelivery, options: ProcessWebhookOptions): Promise<ProcessWebhookSummary> {
  const parsed = parseDelivery(delivery);
  const summary: ProcessWebhookSummary = {
    messages: 0, duplicates: 0, statuses: 0, parked: 0, errors: 0, unrouted: 0, templateUpdates: 0, ignoredFields: parsed.ignoredFields,
  };
  const claimedOrganizationId = delivery.provider === "DIALOG_360" ? delivery.organizationId : undefined;

  for (const [changeIndex, change] of parsed.changes.entries()) {
    const route = await resolveWebhookRoute(delivery.provider, change.business, claimedOrganizationId);
    if (!route) {
      summary.unrouted++;
      const sightings = await recordUnroutedNumber({ provider: delivery.provider, ...change.business, ...(claimedOrganizationId ? { claimedOrganizationId } : {}), deliveryId: delivery.deliveryId });
      options.logger.warn(
        { provider: delivery.provider, business: change.business, claimedOrganizationId, sightings, dropped: change.messages.length + change.statuses.length },
        "webhook for a number no organization owns: dropped",
      );
      continue;
    }
    await processChange(route, change, changeIndex, delivery, options, summary);
  }
  for (const update of parsed.templateStatusUpdates) {
    const applied = await applyTemplateStatusWebhook(update);
    summary.templateUpdates += applied.updated;
  }
  if (parsed.ignoredFields.length) options.logger.debug({ fields: parsed.ignoredFields }, "webhook fields ignored");
  return summary;
}

async function processChange(
  route: WebhookRoute,
  change: InboundChange,
  changeIndex: number,
  delivery: WebhookDelivery,
  options: ProcessWebhookOptions,
  summary: ProcessWebhookSummary,
): Promise<void> {
  const ctx = { ...route, aggregationWindowMs: options.aggregationWindowMs };
  for (const message of change.messages) {
    if (!message.from.waId && !message.from.userId) {
      options.logger.warn({ waMessageId: message.id }, "inbound message without sender id: skipped");
      continue;
    }
    const work = await withTenant(route.organizationId, (tx) => storeInboundMessage(tx, ctx, message, change.contacts));
    if (work.duplicate) summary.duplicates++;
    else summary.messages++;
    await options.onCommitted(work);
  }
  for (const status of change.statuses) {
    const issue = status.errors[0];
    const result = await withTenant(route.organizationId, (tx) =>
      applyStatus(tx, route.organizationId, {
        waMessageId: status.messageId,
        status: toMessageStatus(status.status),
        providerStatus: status.providerStatus,
        timestamp: status.timestamp,
        errorCode: issue?.code ?? null,
        errorTitle: issue ? issue.title || issue.message || null : null,
        details: { ...status.details, ...(status.errors.length ? { errors: status.errors } : {}) },
      }),
    );
    if (result.outcome === "parked") summary.parked++;
    else summary.statuses++;
    // A message that failed for good after the provider accepted it (131026, 131047, Twilio 63016…): the outbound
    // engine decides between the fallback template and SMS.
    const failed = result.events.flatMap((e) => (e.type === "message.status" && e.status === "FAILED" ? [e] : []));
    const jobs = failed.map((e) => ({
      name: FOLLOW_UP_JOBS.outboundFailed,
      payload: { organizationId: route.organizationId, messageId: e.messageId },
      jobId: safeJobId("failed", e.messageId),
    }));
    await options.onCommitted({ events: result.events, jobs });
  }
  if (change.errors.length) {
    summary.errors += change.errors.length;
    await recordValueErrors(route, change.errors, changeIndex, delivery);
    options.logger.warn({ organizationId: route.organizationId, errors: change.errors }, "provider reported webhook-level errors");
  }
}

// Value-level errors[] (system or app problems such as 130429) go to the organization's audit log. Ids derived
// from the delivery make a redelivery insert nothing.
async function recordValueErrors(route: WebhookRoute, errors: ProviderIssue[], changeIndex: number, delivery: WebhookDelivery): Promise<void> {
  await withTenant(route.organizationId, (tx) =>
    tx.auditLog.createMany({
      data: errors.map((error, i) => ({
        id: `whe_${createHash("sha256").update(`${delivery.deliveryId}:${changeIndex}:${i}`).digest("hex").slice(0, 32)}`,
        organizationId: route.organizationId,
        actorType: "SYSTEM" as const,
        action: "whatsapp.webhook_error",
        entityType: "WhatsAppBusinessAccount",
        entityId: route.accountId,
        metadata: { provider: delivery.provider, deliveryId: delivery.deliveryId, ...error } as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    }),
  );
}

function parseDelivery(delivery: WebhookDelivery): InboundDelivery {
  try {
    if (delivery.provider === "TWILIO") return parseTwilioWebhook(delivery.kind, delivery.params, new Date(delivery.receivedAt));
    return parseMetaWebhook(delivery.rawBody, delivery.provider);
  } catch (cause) {
    throw new InvalidDeliveryError(`unparseable ${delivery.provider} delivery ${delivery.deliveryId}: ${(cause as Error).message}`);
  }
}
