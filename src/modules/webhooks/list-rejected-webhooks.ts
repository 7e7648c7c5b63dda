import { sharedRedis, whenRedisReady } from "../../lib/redis";
import type { RejectedWebhook } from "./keep-rejected-webhook";
import { rejectedWebhooksKey } from "./webhook-deps";

/** Newest first. */
export async function listRejectedWebhooks(options: { limit?: number; redis?: ReturnType<typeof sharedRedis> } = {}): Promise<RejectedWebhook[]> {
  const redis = options.redis ?? sharedRedis();
  await whenRedisReady(redis);
  const rows = await redis.lrange(rejectedWebhooksKey(), 0, (options.limit ?? 50) - 1);
  return rows.map((row) => JSON.parse(row) as RejectedWebhook);
}
