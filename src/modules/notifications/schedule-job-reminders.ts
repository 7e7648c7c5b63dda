import type { Redis } from "ioredis";
import { z } from "zod";
import { sharedRedis } from "../../lib/redis";
import { cancelJobReminders } from "./cancel-job-reminders";
import { JOB_REMINDER_JOB, notificationsQueue } from "./notifications-queue";
import { REMINDER_OFFSETS, reminderJobId, reminderSetKey, type ReminderOffset } from "./reminder-registry";

// What a reminder needs to know about a job, passed in by the jobs module (no dependency on its tables).
export const reminderJobSchema = z.object({
  id: z.string().min(1),
  organizationId: z.string().min(1),
  customerId: z.string().min(1),
  scheduledStart: z.coerce.date(),
  technicianName: z.string().min(1),
  urgency: z.enum(["EMERGENCY", "HIGH", "NORMAL"]).default("NORMAL"),
  status: z.string(),
});

export type ReminderJob = z.input<typeof reminderJobSchema>;

export const jobReminderPayloadSchema = z.object({
  organizationId: z.string().min(1),
  jobId: z.string().min(1),
  customerId: z.string().min(1),
  scheduledStart: z.coerce.date(),
  technicianName: z.string().min(1),
  offset: z.enum(["24h", "1h", "30m"]),
});

const SCHEDULED_STATUSES = new Set(["scheduled", "SCHEDULED", "pending", "PENDING"]);

// Delayed jobs 24 h, 1 h and 30 min before the start. Called on schedule and on every reschedule: the old
// reminders are removed first, so they "move". Offsets already past are skipped (a job booked for in 45 minutes
// only gets the 30-minute reminder).
export async function scheduleJobReminders(
  input: { job: ReminderJob },
  deps: { now?: Date; redis?: Redis } = {},
): Promise<{ scheduled: { id: string; fireAt: Date }[] }> {
  const job = reminderJobSchema.parse(input.job);
  const redis = deps.redis ?? sharedRedis();
  const now = deps.now ?? new Date();
  await cancelJobReminders(job.id, { redis });
  if (!SCHEDULED_STATUSES.has(job.status)) return { scheduled: [] };

  const scheduled: { id: string; fireAt: Date }[] = [];
  for (const offset of REMINDER_OFFSETS) {
    const fireAt = new Date(job.scheduledStart.getTime() - offset.ms);
    const delay = fireAt.getTime() - now.getTime();
    if (delay <= 0) continue;
    const id = await armJobReminder({ job, offset: offset.label, delayMs: delay, now }, redis);
    scheduled.push({ id, fireAt });
  }
  return { scheduled };
}

/**
 * Registers one reminder and adds its delayed job (delay 0: now). Shared by scheduling and by the reconcile job
 * that re-arms what Redis lost; the job id makes a second add of a live reminder a no-op.
 */
export async function armJobReminder(
  input: { job: z.output<typeof reminderJobSchema>; offset: ReminderOffset; delayMs: number; now: Date },
  redis: Redis,
): Promise<string> {
  const { job, offset, now } = input;
  const id = reminderJobId(job.id, offset, job.scheduledStart);
  // Registered before it is added: the handler never sees a live reminder that is missing from the set.
  await redis.sadd(reminderSetKey(job.id), id);
  await notificationsQueue().add(
    JOB_REMINDER_JOB,
    {
      organizationId: job.organizationId,
      jobId: job.id,
      customerId: job.customerId,
      scheduledStart: job.scheduledStart.toISOString(),
      technicianName: job.technicianName,
      offset,
    },
    // timestamp = our clock, so the delayed set holds exactly fireAt (and tests can assert it).
    { jobId: id, delay: Math.max(0, input.delayMs), timestamp: now.getTime(), attempts: 3, backoff: { type: "exponential", delay: 5_000 }, removeOnComplete: { age: 7 * 24 * 3600 } },
  );
  return id;
}
