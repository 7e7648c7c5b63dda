import { createHash } from "node:crypto";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { verifyMercadoPagoSignature } from "../../integrations/mercadopago";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import type { HeaderReader } from "../../lib/header-reader";
import { logger } from "../../lib/logger";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { getQueue } from "../../workers/queue-registry";
import { assertBodySize } from "../webhooks/assert-body-size";
import { mercadoPagoNotificationSchema } from "./mercadopago-notification.schemas";
import { PROCESS_MERCADOPAGO_NOTIFICATION_JOB } from "./payment-job-names";

export type MercadoPagoWebhookDeps = { redis: Redis; queue: Queue; now: () => number };
export type RefusalReason = "missing" | "malformed" | "stale" | "mismatch" | "replayed";

// A signature seen once is refused after: ts freshness is 5 minutes, so remembering it 10 is enough.
const REPLAY_TTL_SECONDS = 600;
const TOLERANCE_MS = 5 * 60_000;

export const refusedWebhooksKey = (prefix: string = env.QUEUE_PREFIX) => `${prefix}:mp:webhooks:refused`;
const seenKey = (signature: string) => `${env.QUEUE_PREFIX}:mp:webhooks:seen:${createHash("sha256").update(signature).digest("hex")}`;

let defaults: MercadoPagoWebhookDeps | undefined;
function defaultDeps(): MercadoPagoWebhookDeps {
  defaults ??= { redis: sharedRedis(), queue: getQueue("payments"), now: () => Date.now() };
  return defaults;
}

/**
 * POST /api/webhooks/mercadopago: x-signature checked exactly as reference/ARGENTINA.md §5.3 (data.id from the query
 * string, constant time, ts within 5 minutes), a signature seen before refused as a replay, and every refusal counted
 * by reason. A valid notification is enqueued and answered at once (MercadoPago waits 22 s at most); the worker re-reads
 * the payment with the seller's token, so nothing in the body is trusted beyond "look at payment N of seller M".
 * Topics we do not follow (merchant orders, chargebacks' own topic) are acknowledged and dropped.
 */
export async function acceptMercadoPagoWebhook(
  request: { rawBody: Buffer; headers: Pick<HeaderReader, "get">; url: URL },
  deps: MercadoPagoWebhookDeps = defaultDeps(),
): Promise<{ jobId: string }> {
  assertBodySize(request.rawBody);
  const query = request.url.searchParams;
  const dataId = query.get("data.id") ?? query.get("id");
  const xSignature = request.headers.get("x-signature");
  const check = verifyMercadoPagoSignature({
    xSignature,
    xRequestId: request.headers.get("x-request-id"),
    dataId,
    secret: env.MERCADOPAGO_WEBHOOK_SECRET,
    now: deps.now(),
    toleranceMs: TOLERANCE_MS,
  });
  if (!check.ok) await refuse(deps, check.reason);
  await whenRedisReady(deps.redis, 1_000).catch((error: unknown) => {
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error, detail: "mercadopago webhook: redis not ready" });
  });
  const first = await deps.redis.set(seenKey(xSignature!), "1", "EX", REPLAY_TTL_SECONDS, "NX").catch((error: unknown) => {
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error, detail: "mercadopago webhook: replay check failed" });
  });
  if (first !== "OK") await refuse(deps, "replayed");

  const body = parseBody(request.rawBody);
  const topic = String(body.type ?? query.get("type") ?? query.get("topic") ?? "");
  if (topic !== "payment" && topic !== "mp-connect") return { jobId: "ignored" };
  const parsed = mercadoPagoNotificationSchema.safeParse({
    topic,
    action: String(body.action ?? ""),
    mpUserId: String(body.user_id ?? ""),
    dataId,
    receivedAt: new Date(deps.now()).toISOString(),
  });
  if (!parsed.success) {
    logger.warn({ topic, dataId, issue: parsed.error.issues[0]?.message }, "mercadopago webhook: signed but unreadable");
    throw new AppError("VALIDATION_FAILED", { message: "Notificación de MercadoPago sin user_id o data.id válidos." });
  }
  const jobId = `mp-${parsed.data.topic}-${parsed.data.dataId}-${createHash("sha256").update(xSignature!).digest("hex").slice(0, 16)}`;
  try {
    await deps.queue.add(PROCESS_MERCADOPAGO_NOTIFICATION_JOB, parsed.data, {
      jobId,
      attempts: 8,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
  } catch (error) {
    // Not stored: forget the signature so MercadoPago's retry (or this same POST again) is accepted.
    await deps.redis.del(seenKey(xSignature!)).catch(() => {});
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error, detail: "mercadopago webhook not stored" });
  }
  return { jobId };
}

async function refuse(deps: MercadoPagoWebhookDeps, reason: RefusalReason): Promise<never> {
  await deps.redis.hincrby(refusedWebhooksKey(), reason, 1).catch(() => {});
  logger.warn({ reason }, "mercadopago webhook refused");
  throw new AppError("INVALID_SIGNATURE", { detail: `mercadopago webhook refused: ${reason}` });
}

function parseBody(rawBody: Buffer): Record<string, unknown> {
  try {
    const value = JSON.parse(rawBody.toString("utf8")) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** How many notifications were refused, by reason (operators: `campotech mercadopago webhooks`). */
export async function refusedMercadoPagoWebhooks(redis: Redis = sharedRedis()): Promise<Record<RefusalReason, number>> {
  await whenRedisReady(redis);
  const raw = await redis.hgetall(refusedWebhooksKey());
  const out = { missing: 0, malformed: 0, stale: 0, mismatch: 0, replayed: 0 };
  for (const key of Object.keys(out) as RefusalReason[]) out[key] = Number(raw[key] ?? 0);
  return out;
}
