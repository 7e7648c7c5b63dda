import { handleJobChange } from "../../modules/notifications/handle-job-change";
import { jobChangeSchema } from "../../modules/notifications/job-change.schemas";
import { JOB_CHANGED_JOB } from "../../modules/notifications/notifications-queue";
import { defineJob } from "../define-job";

export const notificationsJobChanged = defineJob({
  name: JOB_CHANGED_JOB,
  queue: "notifications",
  schema: jobChangeSchema,
  handler: (payload) => handleJobChange(payload),
});
