import type { Redis } from "ioredis";
import type { RateLimitKind } from "../../lib/metrics/rate-limit-metrics";

// issue 22 (outbound): the three checks before a send in ONE round trip (was three): the recipient pair's backoff,
// the organization's sliding window and the phone number's throughput window. Both windows are checked before
// either is taken, inside one script, so a send refused by the number's limit never holds an organization slot and
// two worker processes can never both take the last slot. Same window arithmetic as sliding-window-limit.ts:
// the window is [now - windowMs, now]; a refused send may retry when the oldest entry leaves it.
// (Three keys in one script: in cluster mode outbound-keys.ts puts them in the organization's hash slot.) // issue 22 (cluster)
const SCRIPT = `
local now, member = tonumber(ARGV[1]), ARGV[2]
local backoff = redis.call('PTTL', KEYS[1])
if backoff > 0 then return {1, now + backoff} end
local function full(key, window, limit)
  if limit <= 0 then return now + window end
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) < limit then return false end
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + window + 1
end
local orgWindow, numberWindow = tonumber(ARGV[3]), tonumber(ARGV[5])
local orgRetry = full(KEYS[2], orgWindow, tonumber(ARGV[4]))
if orgRetry then return {2, orgRetry} end
local numberRetry = full(KEYS[3], numberWindow, tonumber(ARGV[6]))
if numberRetry then return {3, numberRetry} end
redis.call('ZADD', KEYS[2], now, member)
redis.call('PEXPIRE', KEYS[2], orgWindow)
redis.call('ZADD', KEYS[3], now, member)
redis.call('PEXPIRE', KEYS[3], numberWindow)
return {0, 0}
`;

const REFUSED_BY: Record<number, RateLimitKind> = { 1: "recipient_pair", 2: "organization", 3: "phone_number" };

export type SendSlot = { allowed: true } | { allowed: false; limit: RateLimitKind; retryAt: number };

export async function acquireSendSlot(
  redis: Redis,
  input: {
    pairKey: string;
    org: { key: string; limit: number; windowMs: number };
    number: { key: string; limit: number; windowMs: number };
    member: string;
    now: number;
  },
): Promise<SendSlot> {
  const [refused, retryAt] = (await redis.eval(
    SCRIPT, 3, input.pairKey, input.org.key, input.number.key,
    input.now, input.member, input.org.windowMs, input.org.limit, input.number.windowMs, input.number.limit,
  )) as [number, number];
  return refused === 0 ? { allowed: true } : { allowed: false, limit: REFUSED_BY[refused]!, retryAt };
}
