import type { Redis } from "ioredis";

// An exact sliding-window limiter shared by every worker process: a sorted set of send timestamps per key,
// trimmed and checked in one Lua script, so two processes can never both take the last slot.
// `now` is passed in (tests drive a controllable clock); the window is [now - windowMs, now].
const SCRIPT = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
  return {1, count + 1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, count, tonumber(oldest[2]) + window + 1}
`;

export type SlotResult = { allowed: boolean; count: number; retryAt: number | null };

export async function acquireSlidingWindowSlot(
  redis: Redis,
  input: { key: string; limit: number; windowMs: number; member: string; now: number },
): Promise<SlotResult> {
  if (input.limit <= 0) return { allowed: false, count: 0, retryAt: null };
  const [allowed, count, retryAt] = (await redis.eval(
    SCRIPT,
    1,
    input.key,
    input.now,
    input.windowMs,
    input.limit,
    input.member,
  )) as [number, number, number];
  return { allowed: allowed === 1, count, retryAt: allowed === 1 ? null : retryAt };
}

// Gives a slot back (e.g. the send was held by panic mode before reaching the provider).
export async function releaseSlidingWindowSlot(redis: Redis, key: string, member: string): Promise<void> {
  await redis.zrem(key, member);
}
