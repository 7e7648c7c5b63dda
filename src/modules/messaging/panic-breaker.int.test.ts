import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { recordSendOutcome, type PanicPolicy } from "./panic-breaker";

const redis = new Redis(env.REDIS_URL);
const key = `${env.QUEUE_PREFIX}:test:panic`;
const policy: PanicPolicy = { windowMs: 60_000, failureRate: 0.3, minSample: 10, rateLimitStorm: 5 };
afterAll(() => redis.quit());
beforeEach(() => redis.del(key));

let n = 0;
const record = (outcome: "ok" | "failed" | "rate_limited", now: number, code?: string) =>
  recordSendOutcome(redis, { key, outcome, now, id: `s${n++}`, policy, ...(code ? { code } : {}) });

describe("panic breaker", () => {
  it("trips above a 30 % failure rate only once the minimum sample is reached", async () => {
    for (let i = 0; i < 4; i++) expect((await record("failed", 1_000 + i)).trip).toBe(false); // 4 of 4, sample too small
    for (let i = 0; i < 5; i++) expect((await record("ok", 2_000 + i)).trip).toBe(false);
    const decision = await record("ok", 3_000); // 4 failed of 10 = 40 %
    expect(decision).toEqual({ trip: true, reason: "failure_rate", metadata: { failed: 4, total: 10, rate: 0.4 } });
  });

  it("forgets outcomes older than the window", async () => {
    for (let i = 0; i < 9; i++) await record("failed", 1_000);
    expect((await record("ok", 70_000)).trip).toBe(false); // the 9 failures left the window
  });

  it("trips on a storm of rate-limit errors and at once on token errors", async () => {
    for (let i = 0; i < 4; i++) expect((await record("rate_limited", 5_000 + i)).trip).toBe(false);
    expect(await record("rate_limited", 6_000)).toMatchObject({ trip: true, reason: "rate_limit_storm" });
    await redis.del(key);
    expect(await record("failed", 7_000, "190")).toEqual({ trip: true, reason: "provider_error_190", metadata: { code: "190" } });
  });
});
