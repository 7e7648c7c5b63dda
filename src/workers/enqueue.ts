import { Queue, type JobsOptions } from "bullmq";
import { env } from "../lib/env";
import { sharedRedis } from "../lib/redis";
import { findJob } from "./catalog";
import type { QueueName } from "./queues";

const queues = new Map<QueueName, Queue>();

export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: sharedRedis(), prefix: env.QUEUE_PREFIX });
    queues.set(name, queue);
  }
  return queue;
}

// Typed enqueue: the payload is validated here too, so a bad payload fails at the caller, not in a worker.
// opts.jobId is the idempotency key (e.g. a provider's message id): BullMQ ignores a second add with the same id.
export async function enqueue(name: string, payload: unknown, opts: JobsOptions = {}) {
  const definition = findJob(name);
  if (!definition) throw new Error(`unknown job "${name}"`);
  const data = definition.schema.parse(payload);
  return getQueue(definition.queue).add(name, data, {
    attempts: definition.defaults?.attempts ?? 3,
    backoff: definition.defaults?.backoff ?? { type: "exponential", delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
    ...opts,
  });
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
