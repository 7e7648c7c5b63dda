import { describe, expect, it } from "vitest";
import { startOfMonthInTimezone } from "./time";

describe("startOfMonthInTimezone", () => {
  it("uses the Buenos Aires month, not the UTC month", () => {
    // 02:00 UTC on Dec 1st is still Nov 30th, 23:00 in Buenos Aires.
    expect(startOfMonthInTimezone(new Date("2026-12-01T02:00:00Z")).toISOString()).toBe("2026-11-01T03:00:00.000Z");
    expect(startOfMonthInTimezone(new Date("2026-12-01T03:00:00Z")).toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });
});
