import type { Redis } from "ioredis";

// The circuit breaker's memory: recent send outcomes per integration ("whatsapp:<accountId>") in Redis, shared
// by every worker. decidePanic() says whether the integration must trip and why; persisting the trip (PanicMode
// row, alert) is the caller's job.
export type SendOutcome = "ok" | "failed" | "rate_limited";

export type PanicPolicy = {
  windowMs: number; // sliding window for the failure rate
  failureRate: number; // trip above this share of failures…
  minSample: number; // …once at least this many sends were seen
  rateLimitStorm: number; // trip after this many provider rate-limit errors in the window
};

export const DEFAULT_PANIC_POLICY: PanicPolicy = { windowMs: 5 * 60_000, failureRate: 0.3, minSample: 20, rateLimitStorm: 25 };

// Codes that stop the channel at once: bad/expired token, temporary block, locked account, payment problem.
export const IMMEDIATE_PANIC_CODES = new Set(["190", "368", "131031", "131042", "0", "3", "10", "20003"]);

// issue 22 (outbound): the script counts the window itself and answers three numbers (total, failed, rate-limited)
// instead of every member: a busy integration sends hundreds of sends per window, on every send.
const RECORD = `
local key, now, window, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
redis.call('ZADD', key, now, member)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
redis.call('PEXPIRE', key, window)
local members = redis.call('ZRANGEBYSCORE', key, now - window, '+inf')
local failed, limited = 0, 0
for _, m in ipairs(members) do
  if string.sub(m, -3) ~= '|ok' then failed = failed + 1 end
  if string.sub(m, -13) == '|rate_limited' then limited = limited + 1 end
end
return {#members, failed, limited}
`;

export type PanicDecision = { trip: false } | { trip: true; reason: string; metadata: Record<string, number | string> };

export async function recordSendOutcome(
  redis: Redis,
  input: { key: string; outcome: SendOutcome; code?: string; now: number; id: string; policy?: PanicPolicy },
): Promise<PanicDecision> {
  const policy = input.policy ?? DEFAULT_PANIC_POLICY;
  if (input.code && IMMEDIATE_PANIC_CODES.has(input.code)) {
    return { trip: true, reason: `provider_error_${input.code}`, metadata: { code: input.code } };
  }
  const [total, failed, rateLimited] = (await redis.eval(RECORD, 1, input.key, input.now, policy.windowMs, `${input.id}|${input.outcome}`)) as [number, number, number];
  if (rateLimited >= policy.rateLimitStorm) {
    return { trip: true, reason: "rate_limit_storm", metadata: { rateLimited, windowMs: policy.windowMs } };
  }
  if (total >= policy.minSample && failed / total > policy.failureRate) {
    return { trip: true, reason: "failure_rate", metadata: { failed, total, rate: Number((failed / total).toFixed(3)) } };
  }
  return { trip: false };
}
