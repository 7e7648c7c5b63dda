import type { JobsOptions } from "bullmq";
import { findJob } from "./catalog";
import { getQueue } from "./queue-registry";

export { closeQueues, getQueue } from "./queue-registry";

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
