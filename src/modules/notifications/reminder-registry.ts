import type { Redis } from "ioredis";
import { env } from "../../lib/env";

// Which reminder jobs are current for a job: a Redis set of BullMQ job ids per job. Cancel and reschedule read it
// to remove exactly the old delayed jobs (no scan over the queue), and the reminder handler checks membership
// before sending, so a reminder whose removal raced with its own start still stays silent.
export const REMINDER_OFFSETS = [
  { label: "24h", ms: 24 * 3600_000 },
  { label: "1h", ms: 3600_000 },
  { label: "30m", ms: 30 * 60_000 },
] as const;

export type ReminderOffset = (typeof REMINDER_OFFSETS)[number]["label"];

export function reminderSetKey(jobId: string): string {
  return `${env.QUEUE_PREFIX}:notifications:reminders:${jobId}`;
}

// Contains the scheduled start, so a reschedule produces new ids and never collides with the old jobs.
export function reminderJobId(jobId: string, offset: ReminderOffset, scheduledStart: Date): string {
  return `reminder-${jobId}-${offset}-${scheduledStart.getTime()}`;
}

export async function isCurrentReminder(redis: Redis, jobId: string, reminderId: string): Promise<boolean> {
  return (await redis.sismember(reminderSetKey(jobId), reminderId)) === 1;
}
