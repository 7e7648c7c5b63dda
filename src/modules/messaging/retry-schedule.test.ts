import { describe, expect, it } from "vitest";
import { nextRetryDelay } from "./retry-schedule";

describe("retry schedule", () => {
  it("retries after 1 s, 10 s, 60 s, then dead-letters", () => {
    expect([1, 2, 3, 4].map((n) => nextRetryDelay(n))).toEqual([1_000, 10_000, 60_000, null]);
  });

  it("never retries sooner than the provider asked", () => {
    expect(nextRetryDelay(1, 6_000)).toBe(6_000);
    expect(nextRetryDelay(3, 6_000)).toBe(60_000);
  });
});
