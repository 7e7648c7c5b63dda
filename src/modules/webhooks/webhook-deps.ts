import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { env } from "../../lib/env";
import { closeSharedRedis, sharedRedis } from "../../lib/redis";
import { closeQueues, getQueue } from "../../workers/queue-registry";

// Where accepted deliveries and rejected bodies go. Tests (and the Redis-outage test) pass their own; the web
// process uses the shared fail-fast producer connection, so a dead Redis fails the request at once (→ 503).
export type WebhookDeps = { queue: Queue; redis: Redis };

let defaults: WebhookDeps | undefined;

// The queue registry, not workers/enqueue: the registry does not pull in the job catalog (every handler and its
// dependencies), which the web process has no use for.
export function defaultWebhookDeps(): WebhookDeps {
  if (!defaults) {
    const redis = sharedRedis();
    const queue = getQueue("webhooks");
    // Connection errors surface through the add() that fails (→ 503); without a listener BullMQ prints each one.
    queue.on("error", () => {});
    defaults = { redis, queue };
  }
  return defaults;
}

export function rejectedWebhooksKey(prefix: string = env.QUEUE_PREFIX): string {
  return `${prefix}:webhooks:rejected`;
}

// issue 22 (ingest): the ingest process's shutdown — every producer queue (webhooks, payments) and the shared
// connection, after the last in-flight request was answered.
export async function closeWebhookDeps(): Promise<void> {
  defaults = undefined;
  await closeQueues();
  await closeSharedRedis();
}
