import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { acquireSlidingWindowSlot } from "./sliding-window-limit";

const redis = new Redis(env.REDIS_URL);
const key = `${env.QUEUE_PREFIX}:test:rl`;
afterAll(() => redis.quit());
beforeEach(() => redis.del(key, `${key}:b`));

const take = (now: number, member: string, k = key) =>
  acquireSlidingWindowSlot(redis, { key: k, limit: 50, windowMs: 60_000, member, now });

describe("sliding-window limit", () => {
  it("allows 50 in any 60 s window and says when the next slot opens", async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 50; i++) expect((await take(t0 + i * 100, `m${i}`)).allowed).toBe(true);
    const refused = await take(t0 + 5_000, "m50");
    expect(refused).toEqual({ allowed: false, count: 50, retryAt: t0 + 60_001 });
    // The window slides: once the first send is older than 60 s exactly one slot frees up.
    expect((await take(t0 + 60_001, "m50")).allowed).toBe(true);
    expect((await take(t0 + 60_002, "m51")).allowed).toBe(false);
  });

  it("is exact under concurrent callers", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => take(2_000_000, `c${i}`)));
    expect(results.filter((r) => r.allowed)).toHaveLength(50);
  });

  it("keeps keys independent", async () => {
    for (let i = 0; i < 50; i++) await take(3_000_000, `a${i}`);
    expect((await take(3_000_000, "a50")).allowed).toBe(false);
    expect((await take(3_000_000, "b0", `${key}:b`)).allowed).toBe(true);
  });
});
