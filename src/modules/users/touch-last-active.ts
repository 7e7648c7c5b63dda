import type { Redis } from "ioredis";
import { withTenant } from "../../lib/db";
import { logger } from "../../lib/logger";
import { sharedRedis } from "../../lib/redis";

const THROTTLE_SECONDS = 60;

// "Última actividad" on the team page. Called on every authenticated API request, so it must cost almost nothing:
// one SET NX per request, and a database write at most once a minute per user (whoever wins the key writes).
// Fire-and-forget: a failure (Redis or Postgres down) is logged and never fails the request it rides on.
export async function touchLastActive(claims: { sub: string; org: string }, deps: { redis?: Redis; now?: Date } = {}): Promise<boolean> {
  try {
    const redis = deps.redis ?? sharedRedis();
    const won = await redis.set(`user:last-active:${claims.sub}`, "1", "EX", THROTTLE_SECONDS, "NX");
    if (won !== "OK") return false;
    const now = deps.now ?? new Date();
    await withTenant(claims.org, (tx) => tx.user.updateMany({ where: { id: claims.sub }, data: { lastActiveAt: now } }));
    return true;
  } catch (error) {
    logger.warn({ userId: claims.sub, err: (error as Error).message }, "lastActiveAt not updated");
    return false;
  }
}
