import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import { logger as rootLogger } from "../lib/logger";
import { findJob } from "./catalog";
import { DelayJob } from "./delay-job";

// The processor shared by every Worker: look the job up in the catalog, validate the payload, run the handler.
// An unknown job or an invalid payload can never succeed on retry, so it fails for good.
export async function processJob(job: Job, token?: string): Promise<unknown> {
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
