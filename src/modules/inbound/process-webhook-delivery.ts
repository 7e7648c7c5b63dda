import { parseMetaWebhook } from "../../integrations/meta/webhook-events";
import { parseTwilioWebhook } from "../../integrations/twilio/webhook-events";
import type { InboundChange, InboundDelivery } from "../../integrations/whatsapp/inbound-events";
import { applyTemplateStatusWebhook } from "../templates/apply-template-status-webhook";
import type { Logger } from "../../lib/logger";
import type { WebhookDelivery } from "../../workers/payloads/webhook-delivery";
import type { CommittedWork } from "./follow-up";
import { itemKey, processInboundItem, type InboundItem, type ItemContext } from "./process-inbound-item";
import { describeError, recordInboundDeadLetter, type FailedItem } from "./record-inbound-dead-letter";
import { recordUnroutedNumber } from "./record-unrouted-number";
import { resolveWebhookRoute, type WebhookRoute } from "./resolve-webhook-route";
import { sanitizeInboundDelivery } from "./sanitize-inbound-delivery";

export type ProcessWebhookOptions = {
  aggregationWindowMs: number;
  logger: Logger;
  // Runs after each transaction commits: publish its events, enqueue its jobs.
  onCommitted: (work: CommittedWork) => Promise<void>;
  // Set on the delivery's last attempt: items that still fail become inbound dead letters instead of an error.
  deadLetter?: { attempts: number };
};

export type ProcessWebhookSummary = {
  messages: number;
  duplicates: number;
  statuses: number;
  parked: number;
  errors: number;
  unrouted: number;
  templateUpdates: number;
  deadLettered: number;
  ignoredFields: string[];
};

export class InvalidDeliveryError extends Error {
  override name = "InvalidDeliveryError";
}

// Some items failed while the others were stored: the job retries (and on its last attempt dead-letters them).
export class PoisonItemsError extends Error {
  override name = "PoisonItemsError";
  constructor(readonly failed: FailedItem[]) {
    super(`${failed.length} inbound item(s) failed: ${failed.map((f) => `${f.item.kind} ${itemKey(f.item)}: ${describeError(f.error)}`).join("; ").slice(0, 2_000)}`);
  }
}

// A verified delivery, exactly as received, becomes customers, conversations, messages and statuses. Every change,
// message, status and error is sanitised (sanitize-inbound-delivery.ts) and processed (batches included), each
// item in its own tenant transaction, so one bad item cannot roll back, block or drop the others and a retry redoes
// only what did not commit (the rest is a no-op by unique keys). Items still failing on the last attempt are
// dead-lettered (docs/inbound-pipeline.md "Poison items").
export async function processWebhookDelivery(delivery: WebhookDelivery, options: ProcessWebhookOptions): Promise<ProcessWebhookSummary> {
  const parsed = sanitizeInboundDelivery(parseDelivery(delivery), new Date(delivery.receivedAt));
  const summary: ProcessWebhookSummary = {
    messages: 0, duplicates: 0, statuses: 0, parked: 0, errors: 0, unrouted: 0, templateUpdates: 0, deadLettered: 0, ignoredFields: parsed.ignoredFields,
  };
  const claimedOrganizationId = delivery.provider === "DIALOG_360" ? delivery.organizationId : undefined;
  const failed: FailedItem[] = [];

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
    failed.push(...(await processChange(route, change, changeIndex, delivery, options, summary)));
  }
  for (const update of parsed.templateStatusUpdates) {
    const applied = await applyTemplateStatusWebhook(update);
    summary.templateUpdates += applied.updated;
  }
  if (parsed.ignoredFields.length) options.logger.debug({ fields: parsed.ignoredFields }, "webhook fields ignored");
  // Everything else is stored; the job retries for these (what committed is a no-op then).
  if (failed.length) throw new PoisonItemsError(failed);
  return summary;
}

async function processChange(
  route: WebhookRoute,
  change: InboundChange,
  changeIndex: number,
  delivery: WebhookDelivery,
  options: ProcessWebhookOptions,
  summary: ProcessWebhookSummary,
): Promise<FailedItem[]> {
  const ctx: ItemContext = { route, provider: delivery.provider, deliveryId: delivery.deliveryId, aggregationWindowMs: options.aggregationWindowMs, onCommitted: options.onCommitted };
  const items: InboundItem[] = [];
  for (const message of change.messages) {
    if (!message.from.waId && !message.from.userId) {
      options.logger.warn({ waMessageId: message.id }, "inbound message without sender id: skipped");
      continue;
    }
    items.push({ kind: "message", message, contacts: change.contacts });
  }
  for (const status of change.statuses) items.push({ kind: "status", status });
  if (change.errors.length) {
    items.push({ kind: "errors", errors: change.errors, auditKey: `${delivery.deliveryId}:${changeIndex}` });
    options.logger.warn({ organizationId: route.organizationId, errors: change.errors }, "provider reported webhook-level errors");
  }
  // In order, each on its own: a poison item neither blocks nor drops the items after it.
  const failed: FailedItem[] = [];
  for (const item of items) {
    try {
      const outcome = await processInboundItem(item, ctx);
      if (outcome === "message") summary.messages++;
      else if (outcome === "duplicate") summary.duplicates++;
      else if (outcome === "status") summary.statuses++;
      else if (outcome === "parked") summary.parked++;
      else summary.errors += change.errors.length;
    } catch (error) {
      options.logger.warn({ organizationId: route.organizationId, kind: item.kind, itemKey: itemKey(item), err: describeError(error) }, "inbound item failed");
      failed.push({ item, error });
    }
  }
  if (failed.length && options.deadLetter) {
    for (const f of failed) {
      await recordInboundDeadLetter(f, { ...ctx, receivedAt: new Date(delivery.receivedAt), attempts: options.deadLetter.attempts, logger: options.logger });
      summary.deadLettered++;
    }
    return [];
  }
  return failed;
}

function parseDelivery(delivery: WebhookDelivery): InboundDelivery {
  try {
    if (delivery.provider === "TWILIO") return parseTwilioWebhook(delivery.kind, delivery.params, new Date(delivery.receivedAt));
    return parseMetaWebhook(delivery.rawBody, delivery.provider);
  } catch (cause) {
    throw new InvalidDeliveryError(`unparseable ${delivery.provider} delivery ${delivery.deliveryId}: ${(cause as Error).message}`);
  }
}
