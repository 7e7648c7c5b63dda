import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import { logger as rootLogger } from "../lib/logger";
import { jobDurationSeconds, jobFailuresTotal } from "../lib/metrics/job-metrics";
import { secondsSince } from "../lib/metrics/registry";
import { reportError } from "../lib/observability/error-reporting";
import { findJob } from "./catalog";
import { DelayJob } from "./delay-job";

// The processor shared by every Worker: look the job up in the catalog, validate the payload, run the handler.
// An unknown job or an invalid payload can never succeed on retry, so it fails for good.
export async function processJob(job: Job, token?: string): Promise<unknown> {
  const started = performance.now();
  // Unknown names are collapsed: a stray producer cannot add series.
  const name = findJob(job.name) ? job.name : "unknown";
  try {
    const value = await runJob(job, token);
    jobDurationSeconds.observe({ job: name, result: "completed" }, secondsSince(started));
    return value;
  } catch (error) {
    const delayed = error instanceof DelayedError || error instanceof DelayJob;
    jobDurationSeconds.observe({ job: name, result: delayed ? "delayed" : "failed" }, secondsSince(started));
    if (!delayed) {
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts?.attempts ?? 1);
      jobFailuresTotal.inc({ job: name, final: String(final) });
      // Reported once, when the job fails for good (a retry may still succeed; a delay is not a failure).
      if (final) reportError(error, { jobName: job.name, jobId: String(job.id), organizationId: organizationOf(job.data) }, { payload: job.data, attempts: job.attemptsMade + 1 });
    }
    throw error;
  }
}

function organizationOf(data: unknown): string | undefined {
  const id = (data as { organizationId?: unknown } | null)?.organizationId;
  return typeof id === "string" ? id : undefined;
}

async function runJob(job: Job, token?: string): Promise<unknown> {
  const definition = findJob(job.name);
  if (!definition) throw new UnrecoverableError(`unknown job "${job.name}"`);
  const parsed = definition.schema.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  const logger = rootLogger.child({ job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
  try {
    return await definition.handler(parsed.data, { jobId: String(job.id), attempt: job.attemptsMade + 1, logger });
  } catch (error) {
    if (error instanceof DelayJob && token) {
      logger.debug({ until: error.until, reason: error.reason }, "job delayed");
      await job.moveToDelayed(Math.max(error.until, Date.now()), token);
      throw new DelayedError();
    }
    throw error;
  }
}
