import { queueJobs, queueOldestWaitingSeconds } from "../../lib/metrics/queue-metrics";
import { getQueue } from "../../workers/queue-registry";
import { QUEUES, type QueueName } from "../../workers/queues";

const STATES = ["waiting", "prioritized", "active", "delayed", "failed"] as const;

// Reads every queue's counts and its oldest waiting job from Redis, at scrape time. BullMQ's own
// queue.exportPrometheusMetrics() was not used: it returns text per queue (ten queues would repeat the same family's
// HELP/TYPE lines, which a scraper rejects), has no age of the oldest job, and its completed/failed totals need
// BullMQ's metrics option on every Worker. getJobCounts is one Redis round trip per queue.
export async function collectQueueDepth(now: number = Date.now(), queues: readonly QueueName[] = Object.values(QUEUES)): Promise<void> {
  queueJobs.reset();
  queueOldestWaitingSeconds.reset();
  const readings = await Promise.all(queues.map(async (name) => ({ name, ...(await readQueue(name, now)) })));
  for (const { name, counts, oldestAgeSeconds } of readings) {
    for (const state of STATES) queueJobs.set({ queue: name, state }, counts[state] ?? 0);
    queueOldestWaitingSeconds.set({ queue: name }, oldestAgeSeconds);
  }
}

async function readQueue(name: QueueName, now: number) {
  const queue = getQueue(name);
  const [counts, oldest] = await Promise.all([queue.getJobCounts(...STATES), queue.getWaiting(0, 0)]);
  // getWaiting lists in insertion order: index 0 is the job that has waited longest. A job that was delayed first
  // (scheduled, or a DelayJob) has waited since it became due, not since it was created.
  const job = oldest[0];
  const since = job ? job.timestamp + (job.delay ?? 0) : now;
  return { counts, oldestAgeSeconds: Math.max(0, now - since) / 1000 };
}
