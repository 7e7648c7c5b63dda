import { withTenant } from "../../lib/db";
import { JOB_REMINDER_JOB } from "../../modules/notifications/notifications-queue";
import { runJobReminder } from "../../modules/notifications/run-job-reminder";
import { jobReminderPayloadSchema } from "../../modules/notifications/schedule-job-reminders";
import { defineJob } from "../define-job";

export const notificationsJobReminder = defineJob({
  name: JOB_REMINDER_JOB,
  queue: "notifications",
  schema: jobReminderPayloadSchema,
  // The job's real start, read at fire time: a job that moved, or is no longer scheduled, gets no reminder even if
  // its reminders' removal was missed.
  handler: (payload) =>
    runJobReminder(payload, {
      currentScheduledStart: async (jobId) => {
        const job = await withTenant(payload.organizationId, (tx) => tx.job.findFirst({ where: { id: jobId }, select: { status: true, scheduledStart: true } }));
        return job?.status === "scheduled" ? job.scheduledStart : null;
      },
    }),
});
