import { captureProductEvent } from "../../integrations/posthog";
import type { OrganizationEvent } from "../events/organization-event";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { enqueueJobChanges } from "../notifications/enqueue-job-changes";
import type { JobChange } from "../notifications/job-change.schemas";
import { syncJobTracking } from "../tracking/sync-job-tracking";

// After a job change commits: the dashboards hear about it, live tracking refreshes what it cached about the job
// (and geocodes a new address), and the notification rules and reminders run in the workers (never inside the
// request: a slow provider must not slow down the technician's tap).
export async function publishJobChanges(result: { events?: OrganizationEvent[]; changes?: JobChange[] }): Promise<void> {
  if (result.events?.length) {
    await publishOrganizationEvents(result.events);
    await syncJobTracking(result.events);
    for (const event of result.events) {
      if (event.type === "job.created") captureProductEvent({ event: "job_booked", organizationId: event.organizationId, properties: { jobId: event.jobId } });
    }
  }
  if (result.changes?.length) await enqueueJobChanges(result.changes);
}
