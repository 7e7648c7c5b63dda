import { logger } from "../../lib/logger";
import type { JobChange } from "./job-change.schemas";
import { JOB_CHANGED_JOB, notificationsQueue } from "./notifications-queue";

// Called after the change committed. The change itself must not be undone by a Redis hiccup, so a failed enqueue
// is logged loudly instead of turning a saved transition into an error the caller would retry (and be refused).
export async function enqueueJobChanges(changes: readonly JobChange[]): Promise<void> {
  for (const change of changes) {
    try {
      await notificationsQueue().add(JOB_CHANGED_JOB, change, {
        jobId: `job-change-${change.jobId}-${change.key}`,
        attempts: 5,
        backoff: { type: "exponential", delay: 2_000 },
        removeOnComplete: { age: 24 * 3600 },
      });
    } catch (error) {
      logger.error({ jobId: change.jobId, kind: change.kind, err: (error as Error).message }, "job change not enqueued: its notifications and reminders did not run");
    }
  }
}
