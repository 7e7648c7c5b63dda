import type { Redis } from "ioredis";
import type { z } from "zod";
import { sharedRedis } from "../../lib/redis";
import { notifyCustomer, type NotifyCustomerResult } from "./notify-customer";
import { isCurrentReminder, reminderJobId, reminderSetKey } from "./reminder-registry";
import type { jobReminderPayloadSchema } from "./schedule-job-reminders";

export type JobReminderPayload = z.output<typeof jobReminderPayloadSchema>;

// The reminder handler. Sends only if this reminder is still the current one for the job (the registry set: a
// reschedule or cancel removed it) and, when the caller can read the job, if its scheduledStart still matches the
// payload. The send is idempotent on the reminder id, so a retried or duplicated job never messages twice.
export async function runJobReminder(
  payload: JobReminderPayload,
  deps: { now?: Date; redis?: Redis; currentScheduledStart?: (jobId: string) => Promise<Date | null> } = {},
): Promise<{ status: "stale" } | NotifyCustomerResult> {
  const redis = deps.redis ?? sharedRedis();
  const id = reminderJobId(payload.jobId, payload.offset, payload.scheduledStart);
  if (!(await isCurrentReminder(redis, payload.jobId, id))) return { status: "stale" };
  if (deps.currentScheduledStart) {
    const current = await deps.currentScheduledStart(payload.jobId);
    if (current?.getTime() !== payload.scheduledStart.getTime()) return { status: "stale" };
  }
  const result = await notifyCustomer(
    {
      event: "job_reminder",
      organizationId: payload.organizationId,
      customerId: payload.customerId,
      dedupeKey: id,
      context: { jobId: payload.jobId, jobStart: payload.scheduledStart, technicianName: payload.technicianName },
    },
    // Reminders are timed to the job, not to office hours: deferring a 30-minute reminder to 08:00 would be late.
    { ...(deps.now ? { now: deps.now } : {}), deferred: true },
  );
  await redis.srem(reminderSetKey(payload.jobId), id);
  return result;
}
