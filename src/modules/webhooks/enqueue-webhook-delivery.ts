import { AppError } from "../../lib/errors";
import { whenRedisReady } from "../../lib/redis";
import { PROCESS_WEBHOOK_JOB, webhookJobId, type WebhookDelivery } from "../../workers/payloads/webhook-delivery";
import type { WebhookDeps } from "./webhook-deps";

// Bounded: a provider waits for our answer, and a slow Redis must become a 503 (it retries), not a hung request.
const READY_TIMEOUT_MS = 1_000;
const ADD_TIMEOUT_MS = 3_000;

/**
 * Writes a verified delivery to BullMQ and resolves only once Redis has it. The job id is derived from the raw bytes,
 * so an exact redelivery collapses into the job already there. Redis unreachable → SERVICE_UNAVAILABLE.
 * No zod here (hot path, issue 22): the accept functions build the delivery from verified bytes, the type covers its
 * shape, and the worker parses it with webhookDeliverySchema before anything reads it.
 */
export async function enqueueWebhookDelivery(data: WebhookDelivery, deps: WebhookDeps): Promise<{ jobId: string }> {
  const jobId = webhookJobId(data);
  try {
    // Checked inline first: a connected client (every request but the first) skips the extra async hop.
    if (deps.redis.status !== "ready") await whenRedisReady(deps.redis, READY_TIMEOUT_MS);
    await withTimeout(
      deps.queue.add(PROCESS_WEBHOOK_JOB, data, {
        jobId,
        attempts: 10,
        backoff: { type: "exponential", delay: 1_000 },
        // Kept a week so redeliveries within the providers' retry windows still dedupe on the job id.
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: false,
      }),
      ADD_TIMEOUT_MS,
    );
  } catch (error) {
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error, detail: `webhook not stored: ${describe(error)}` });
  }
  return { jobId };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
