import type { OrganizationEvent } from "../events/organization-event";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { enqueueJobChanges } from "../notifications/enqueue-job-changes";
import type { JobChange } from "../notifications/job-change.schemas";

// After a job change commits: the dashboards hear about it, and the notification rules and reminders run in the
// workers (never inside the request: a slow provider must not slow down the technician's tap).
export async function publishJobChanges(result: { events?: OrganizationEvent[]; changes?: JobChange[] }): Promise<void> {
  if (result.events?.length) await publishOrganizationEvents(result.events);
  if (result.changes?.length) await enqueueJobChanges(result.changes);
}
