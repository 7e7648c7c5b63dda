import type { Prisma } from "@campotech/database";
import type { OutboundContent } from "../../contracts/whatsapp";
import type { ProviderError } from "../../integrations/whatsapp";
import { withTenant } from "../../lib/db";
import { logger } from "../../lib/logger";
import { countOutboundSend } from "../../lib/metrics/outbound-metrics";
import { countRateLimitWait, type RateLimitKind } from "../../lib/metrics/rate-limit-metrics";
import { DelayJob } from "../../workers/delay-job";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { buildTemplateMessage } from "../templates/build-template-message";
import { defaultDeliveryDeps, type DeliveryDeps } from "./delivery-deps";
import { acquireSendSlot } from "./acquire-send-slot";
import { enqueueDeliveryCheck } from "./enqueue-delivery";
import { loadDelivery } from "./load-delivery";
import { DEFAULT_NUMBER_THROUGHPUT, deliveryReadyKey, deliveryWaitersKey, integrationOf, numberRateKey, orgRateKey, pairBackoffKey, PAIR_BACKOFF_MS, panicOutcomesKey } from "./outbound-keys";
import { tripPanicMode } from "./panic-mode";
import { recordSendOutcome } from "./panic-breaker";
import { recordAcceptance } from "./record-acceptance";
import { nextRetryDelay } from "./retry-schedule";
import { unsealContent } from "./secret-content";
import { sendSmsFallback } from "./send-sms-fallback";

export type DeliveryOutcome =
  | { outcome: "sent"; providerMessageId: string }
  | { outcome: "held"; reason: string }
  | { outcome: "dead_lettered"; code: string }
  | { outcome: "failed"; code: string }
  | { outcome: "skipped"; reason: string };

const RATE_LIMIT_CODES = new Set(["130429", "80007", "4", "63018", "http_429"]);
const MAX_PAIR_RETRIES = 10;
// Backstop for a message waiting behind an earlier one of its conversation (normally it is woken before).
const ORDER_WAIT_MS = 5_000;
const SLOT_REASONS: Record<RateLimitKind, string> = {
  recipient_pair: "recipient pair-rate backoff", organization: "organization rate limit", phone_number: "phone number throughput",
};

// The delivery worker's use-case: one attempt to hand one stored message to its provider, honouring panic mode,
// the organization's sliding-window limit, the number's throughput and per-recipient backoff. Waiting is a
// DelayJob (never a failed attempt); provider errors follow their classification (retry on schedule, switch to
// the fallback template, halt the channel, or fail for good with SMS fallback).
export async function deliverMessage(
  input: { organizationId: string; messageId: string },
  deps: DeliveryDeps = defaultDeliveryDeps(),
): Promise<DeliveryOutcome> {
  try {
    const outcome = await attemptDelivery(input, deps);
    // Handed over or given up for good: whatever waited behind it in the conversation may go now.
    if (outcome.outcome !== "held") await wakeWaiters(input.messageId, deps);
    return outcome;
  } catch (error) {
    // issue 22 (lead): remember when this delivery tries again, so the next message of its conversation waits until
    // then instead of polling every second (a burst behind the rate limit would otherwise poll for minutes).
    if (error instanceof DelayJob) {
      const ttl = Math.max(1_000, error.until - deps.now() + 60_000);
      await deps.redis.set(deliveryReadyKey(input.messageId), String(error.until), "PX", ttl).catch(() => {});
    }
    throw error;
  }
}

async function wakeWaiters(messageId: string, deps: DeliveryDeps): Promise<void> {
  const key = deliveryWaitersKey(messageId);
  const [[, waiters]] = (await deps.redis.multi().smembers(key).del(key).exec()) as [[Error | null, string[]]];
  for (const waiter of waiters ?? []) await deps.wake(waiter);
}

async function attemptDelivery(input: { organizationId: string; messageId: string }, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const { organizationId, messageId } = input;
  const now = deps.now();
  // issue 22 (outbound): one statement reads all of it, and marks the message held when a panic is active.
  const loaded = await loadDelivery(organizationId, messageId, now);
  if (!loaded) return { outcome: "skipped", reason: "not_found" };
  const { message, delivery, account, panic, earlier, settings } = loaded;
  if (message.waMessageId || message.status !== "QUEUED") return { outcome: "skipped", reason: "already_sent" };
  if (delivery.deadLetteredAt) return { outcome: "skipped", reason: "dead_lettered" };
  if (panic) return { outcome: "held", reason: panic.reason };
  if (earlier) {
    // Woken by the earlier one when it is handed over; until then asleep until its own next try at the earliest.
    const [, , [, ready]] = (await deps.redis.multi().sadd(deliveryWaitersKey(earlier), messageId).pexpire(deliveryWaitersKey(earlier), 24 * 3600_000)
      .get(deliveryReadyKey(earlier)).exec()) as [unknown, unknown, [Error | null, string | null]];
    throw new DelayJob(Math.max(now + ORDER_WAIT_MS, (Number(ready) || 0) + 1), `waiting for ${earlier}, sent earlier in the conversation`);
  }

  // A login code is sent from its sealed copy, and only while it is still worth sending.
  let content: OutboundContent;
  if (delivery.purpose === "authentication") {
    if (!delivery.sealedContent || !delivery.secretExpiresAt || delivery.secretExpiresAt.getTime() <= now) {
      return expireSecret(input, delivery.attempts, deps);
    }
    content = unsealContent(delivery.sealedContent).content;
  } else {
    content = stripPreview(message.content);
  }

  const member = `${messageId}:${delivery.attempts}`;
  // issue 22 (outbound): pair backoff, organization window and number window in one script (one round trip).
  const slot = await acquireSendSlot(deps.redis, {
    pairKey: pairBackoffKey(account.id, delivery.recipient, organizationId),
    org: { key: orgRateKey(organizationId), limit: settings.rateLimit, windowMs: settings.rateWindowMs },
    number: { key: numberRateKey(account.id, organizationId), ...DEFAULT_NUMBER_THROUGHPUT },
    member,
    now,
  });
  if (!slot.allowed) throw rateLimited(slot.limit, now, slot.retryAt, SLOT_REASONS[slot.limit]);

  const result = await deps.providerFor(account).send({
    to: delivery.recipient,
    content,
    callbackData: messageId,
    ...(message.contextWaMessageId ? { replyToMessageId: message.contextWaMessageId } : {}),
  });
  const code = result.ok ? undefined : result.error.code;
  countOutboundSend({ channel: "whatsapp", provider: account.bspProvider, ...(result.ok ? {} : { error: result.error }) });
  const decision = await recordSendOutcome(deps.redis, {
    key: panicOutcomesKey(integrationOf(account.id)),
    outcome: result.ok ? "ok" : RATE_LIMIT_CODES.has(code!) ? "rate_limited" : result.error.action === "fail" || result.error.action === "use_template" ? "ok" : "failed",
    now,
    id: member,
    ...(code ? { code } : {}),
  });

  if (result.ok) return onAccepted(input, result.providerMessageId, delivery, settings, deps, now);
  const error = result.error;
  if (decision.trip || error.action === "halt") {
    const reason = decision.trip ? decision.reason : `provider_error_${error.code}`;
    return hold(input, account.id, reason, decision.trip ? decision.metadata : { code: error.code }, error, settings.panicAutoResolveMs, now);
  }
  const attempts = delivery.attempts + 1;
  switch (error.action) {
    case "retry": {
      const delay = nextRetryDelay(attempts, error.retryAfterMs);
      if (delay === null) return deadLetter({ ...input, purpose: delivery.purpose }, error, attempts, deps);
      await noteAttempt(input, error, attempts, new Date(now + delay));
      throw new DelayJob(now + delay, `retry ${attempts} after ${error.code}`);
    }
    case "retry_recipient": {
      if (attempts > MAX_PAIR_RETRIES) return deadLetter({ ...input, purpose: delivery.purpose }, error, attempts, deps);
      const wait = error.retryAfterMs ?? PAIR_BACKOFF_MS;
      await deps.redis.set(pairBackoffKey(account.id, delivery.recipient, organizationId), "1", "PX", wait);
      await noteAttempt(input, error, attempts, new Date(now + wait));
      throw rateLimited("recipient_pair", now, now + wait, "pair rate limit");
    }
    case "use_template": {
      const fallback = delivery.templateFallback as { name: string; language: string; params: string[] } | null;
      if (fallback && message.type !== "TEMPLATE" && (await switchToTemplate(input, fallback, error, attempts))) {
        throw new DelayJob(now, "window closed: switched to the fallback template");
      }
      return fail(input, error, attempts, deps);
    }
    default:
      return fail(input, error, attempts, deps);
  }
}

async function onAccepted(
  input: { organizationId: string; messageId: string },
  providerMessageId: string,
  delivery: { priority: string; smsFallback: boolean; attempts: number },
  settings: { smsFallbackAfterMs: number },
  deps: DeliveryDeps,
  slotAt: number,
): Promise<DeliveryOutcome> {
  const events = await recordAcceptance({ ...input, providerMessageId, attempts: delivery.attempts + 1, slotAt, at: new Date(deps.now()) });
  // issue 22 (outbound): on the engine's own (auto-pipelined) connection, the hot path's one publish.
  await publishOrganizationEvents(events, deps.redis);
  if (delivery.smsFallback && delivery.priority === "HIGH") {
    await enqueueDeliveryCheck({ ...input, afterMs: settings.smsFallbackAfterMs });
  }
  return { outcome: "sent", providerMessageId };
}

const STALE_PANIC_RETRY_MS = 1_000; // issue 22 (faults)

async function hold(
  input: { organizationId: string; messageId: string },
  accountId: string,
  reason: string,
  metadata: Prisma.InputJsonObject,
  error: ProviderError,
  autoResolveMs: number,
  now: number,
): Promise<DeliveryOutcome> {
  const { created, panic, stale } = await withTenant(input.organizationId, async (tx) => {
    const tripped = await tripPanicMode(tx, {
      organizationId: input.organizationId, integration: integrationOf(accountId), reason, now: new Date(now), autoResolveMs,
      metadata: { ...metadata, lastError: { code: error.code, title: error.title } },
    });
    if (tripped.stale) return tripped;
    await tx.outboundDelivery.update({
      where: { messageId: input.messageId },
      data: { heldAt: new Date(now), heldReason: reason, lastErrorCode: error.code, lastErrorTitle: error.title },
    });
    return tripped;
  });
  // issue 22 (faults): resolved after this failure — not held; the job runs again and decides afresh.
  if (stale) throw new DelayJob(now + STALE_PANIC_RETRY_MS, "panic resolved after this failure: trying again");
  if (created) {
    logger.error({ organizationId: input.organizationId, integration: integrationOf(accountId), reason }, "panic mode tripped");
    await publishOrganizationEvents([
      { type: "panic.tripped", organizationId: input.organizationId, panicId: panic.id, integration: integrationOf(accountId), reason, at: new Date(now).toISOString() },
    ]);
  }
  return { outcome: "held", reason };
}

async function noteAttempt(input: { organizationId: string; messageId: string }, error: ProviderError, attempts: number, nextAttemptAt: Date) {
  await withTenant(input.organizationId, (tx) =>
    tx.outboundDelivery.update({
      where: { messageId: input.messageId },
      data: { attempts, lastErrorCode: error.code, lastErrorTitle: error.title, nextAttemptAt },
    }),
  );
}

async function deadLetter(
  input: { organizationId: string; messageId: string; purpose?: string },
  error: ProviderError,
  attempts: number,
  deps: DeliveryDeps,
): Promise<DeliveryOutcome> {
  // Login codes never become dead letters: nobody may list or replay them, and they expire in minutes anyway.
  if (input.purpose === "authentication") return fail(input, error, attempts, deps);
  await finish(input, error, attempts, deps, { deadLetteredAt: new Date(deps.now()), deadLetterReason: `${error.code}: ${error.title}` });
  return { outcome: "dead_lettered", code: error.code };
}

async function fail(input: { organizationId: string; messageId: string }, error: ProviderError, attempts: number, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  await finish(input, error, attempts, deps, {});
  return { outcome: "failed", code: error.code };
}

// WhatsApp failed for good: the message is FAILED with the provider's code and title, and the text goes by SMS
// when the message asked for it.
async function finish(
  input: { organizationId: string; messageId: string },
  error: ProviderError,
  attempts: number,
  deps: DeliveryDeps,
  extra: { deadLetteredAt?: Date; deadLetterReason?: string },
) {
  const event = await withTenant(input.organizationId, async (tx) => {
    const message = await tx.whatsAppMessage.update({
      where: { id: input.messageId },
      data: { status: "FAILED", errorCode: error.code, errorTitle: error.title },
      select: { conversationId: true, waMessageId: true },
    });
    await tx.outboundDelivery.update({
      where: { messageId: input.messageId },
      data: { attempts, lastErrorCode: error.code, lastErrorTitle: error.title, nextAttemptAt: null, ...extra },
    });
    return {
      type: "message.status" as const, organizationId: input.organizationId, conversationId: message.conversationId, messageId: input.messageId,
      waMessageId: message.waMessageId, status: "FAILED", errorCode: error.code, at: new Date(deps.now()).toISOString(),
    };
  });
  await publishOrganizationEvents([event]);
  await sendSmsFallback({ ...input, reason: `whatsapp ${error.code}` }, deps);
  // Failed for good: a sealed login code has nothing left to do (the SMS above was its last chance).
  await eraseSecret(input);
}

// A login code whose time ran out before WhatsApp took it: FAILED, erased, never sent late.
async function expireSecret(input: { organizationId: string; messageId: string }, attempts: number, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const code = "expired";
  const event = await withTenant(input.organizationId, async (tx) => {
    const message = await tx.whatsAppMessage.update({
      where: { id: input.messageId },
      data: { status: "FAILED", errorCode: code, errorTitle: "El código venció antes de poder entregarse" },
      select: { conversationId: true, waMessageId: true },
    });
    await tx.outboundDelivery.update({ where: { messageId: input.messageId }, data: { attempts, nextAttemptAt: null, sealedContent: null } });
    return {
      type: "message.status" as const, organizationId: input.organizationId, conversationId: message.conversationId, messageId: input.messageId,
      waMessageId: message.waMessageId, status: "FAILED", errorCode: code, at: new Date(deps.now()).toISOString(),
    };
  });
  await publishOrganizationEvents([event]);
  return { outcome: "failed", code };
}

async function eraseSecret(input: { organizationId: string; messageId: string }): Promise<void> {
  await withTenant(input.organizationId, (tx) =>
    tx.outboundDelivery.updateMany({ where: { messageId: input.messageId, sealedContent: { not: null } }, data: { sealedContent: null } }),
  );
}

async function switchToTemplate(
  input: { organizationId: string; messageId: string },
  fallback: { name: string; language: string; params: string[] },
  error: ProviderError,
  attempts: number,
): Promise<boolean> {
  return withTenant(input.organizationId, async (tx) => {
    const template = await tx.waTemplate.findUnique({
      where: { organizationId_name_language: { organizationId: input.organizationId, name: fallback.name, language: fallback.language } },
    });
    if (!template || template.status !== "APPROVED") return false;
    const { content, preview } = buildTemplateMessage(template, fallback.params);
    await tx.whatsAppMessage.update({ where: { id: input.messageId }, data: { type: "TEMPLATE", content: { ...content, preview } as Prisma.InputJsonObject } });
    await tx.outboundDelivery.update({ where: { messageId: input.messageId }, data: { attempts, lastErrorCode: error.code, lastErrorTitle: error.title } });
    return true;
  });
}

// A send held back by a limit waits (a DelayJob, never a failed attempt); each wait is counted for the dashboards.
function rateLimited(limit: RateLimitKind, now: number, until: number, reason: string): DelayJob {
  countRateLimitWait(limit, until - now);
  return new DelayJob(until, reason);
}

function stripPreview(content: unknown): OutboundContent {
  const { preview: _preview, ...rest } = content as Record<string, unknown>;
  return rest as OutboundContent;
}
