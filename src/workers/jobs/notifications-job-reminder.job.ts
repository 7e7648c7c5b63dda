import { JOB_REMINDER_JOB } from "../../modules/notifications/notifications-queue";
import { runJobReminder } from "../../modules/notifications/run-job-reminder";
import { jobReminderPayloadSchema } from "../../modules/notifications/schedule-job-reminders";
import { defineJob } from "../define-job";

export const notificationsJobReminder = defineJob({
  name: JOB_REMINDER_JOB,
  queue: "notifications",
  schema: jobReminderPayloadSchema,
  handler: (payload) => runJobReminder(payload),
});
