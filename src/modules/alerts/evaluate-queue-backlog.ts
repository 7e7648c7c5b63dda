import type { Job } from "bullmq";
import { getQueue } from "../../workers/queue-registry";
import { QUEUES, type QueueName } from "../../workers/queues";
import type { AlertReading, AlertRuleContext } from "./alert-rule";

// Platform, per queue: more jobs waiting for a worker now than the backlog threshold (waiting and prioritized; a
// paused queue keeps its jobs waiting; delayed jobs are not due yet), or the oldest waiting job waiting longer than
// the age threshold — workers down or stuck show up here before the backlog grows. A job's wait starts when it
// became due: added + delay.
export async function evaluateQueueBacklog({ now, thresholds }: AlertRuleContext): Promise<AlertReading[]> {
  const readings: AlertReading[] = [];
  for (const name of Object.values(QUEUES) as QueueName[]) {
    const queue = getQueue(name);
    const waiting = await queue.getJobCountByTypes("wait", "prioritized");
    const candidates = waiting
      ? [...(await queue.getJobs(["wait"], 0, 0, true)), ...(await queue.getJobs(["wait"], 0, 0, false)), ...(await queue.getJobs(["prioritized"], 0, 9, true))]
      : [];
    const oldestSeconds = Math.max(0, ...candidates.filter((job): job is Job => Boolean(job)).map((job) => (now.getTime() - (job.timestamp + (job.opts.delay ?? 0))) / 1000));
    const backlogged = waiting > thresholds.queueBacklog;
    const stale = oldestSeconds > thresholds.queueOldestSeconds;
    const minutes = Math.floor(oldestSeconds / 60);
    readings.push({
      kind: "queue_backlog",
      scope: "PLATFORM",
      organizationId: null,
      subject: name,
      // The backlog when that is what fires, otherwise the oldest job's age.
      value: backlogged || !stale ? waiting : Math.round(oldestSeconds),
      threshold: backlogged || !stale ? thresholds.queueBacklog : thresholds.queueOldestSeconds,
      firing: backlogged || stale,
      title: `Cola "${name}" atrasada`,
      detail: `${waiting} trabajos esperando (umbral: ${thresholds.queueBacklog}); el más antiguo espera hace ${minutes} min (umbral: ${Math.round(thresholds.queueOldestSeconds / 60)} min).`,
    });
  }
  return readings;
}
