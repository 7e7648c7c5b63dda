import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { whenRedisReady } from "./redis";

// A lock held across slow remote calls (ARCA numbering, ticket renewal) by one process at a time, across every
// process. SET NX PX with a random token; released only by its holder (compare-and-delete); the TTL frees it if the
// holder dies, and a watchdog extends it while the holder is alive.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

export type HeldLock = { release: () => Promise<void> };

export async function acquireLock(
  redis: Redis,
  key: string,
  options: { ttlMs?: number; waitMs?: number; pollMs?: number } = {},
): Promise<HeldLock | null> {
  const ttlMs = options.ttlMs ?? 60_000;
  const token = randomUUID();
  const deadline = Date.now() + (options.waitMs ?? 0);
  // A fail-fast (web) connection refuses commands until it is connected.
  await whenRedisReady(redis);
  for (;;) {
    if ((await redis.set(key, token, "PX", ttlMs, "NX")) === "OK") break;
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50 + Math.random() * 100));
  }
  const watchdog = setInterval(() => void redis.eval(EXTEND, 1, key, token, ttlMs).catch(() => {}), Math.floor(ttlMs / 3));
  watchdog.unref();
  return {
    release: async () => {
      clearInterval(watchdog);
      await redis.eval(RELEASE, 1, key, token).catch(() => {});
    },
  };
}
