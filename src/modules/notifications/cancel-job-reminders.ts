import type { Redis } from "ioredis";
import { sharedRedis } from "../../lib/redis";
import { notificationsQueue } from "./notifications-queue";
import { reminderSetKey } from "./reminder-registry";

// Removes every pending reminder of a job (cancelled, or about to be rescheduled). Ids come from the job's
// registry set; a reminder already running is not removable, but it re-checks the set and stays silent.
export async function cancelJobReminders(jobId: string, deps: { redis?: Redis } = {}): Promise<{ removed: number }> {
  const redis = deps.redis ?? sharedRedis();
  const key = reminderSetKey(jobId);
  const ids = await redis.smembers(key);
  await redis.del(key);
  const queue = notificationsQueue();
  let removed = 0;
  for (const id of ids) removed += await queue.remove(id);
  return { removed };
}
