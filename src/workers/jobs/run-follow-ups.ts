import { publishOrganizationEvents } from "../../modules/events/publish-organization-events";
import type { CommittedWork } from "../../modules/inbound/follow-up";
import { enqueue } from "../enqueue";

// After a transaction committed: publish its events and enqueue its jobs (job ids make a second offer a no-op).
// An enqueue failure throws, so the calling job retries; the retry finds the data stored and re-offers the jobs.
export async function runFollowUps(work: CommittedWork): Promise<void> {
  await publishOrganizationEvents(work.events);
  for (const job of work.jobs) {
    await enqueue(job.name, job.payload, { jobId: job.jobId, ...(job.delayMs ? { delay: job.delayMs } : {}) });
  }
}
