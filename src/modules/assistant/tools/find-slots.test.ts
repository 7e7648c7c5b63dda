import { describe, expect, it } from "vitest";
import { withinBusinessHours } from "./find-slots";

const at = (iso: string) => new Date(`${iso}-03:00`);
const slot = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe("withinBusinessHours", () => {
  const hours = { monday: ["08:00", "18:00"], saturday: ["09:00", "13:00"] } as const satisfies Record<string, [string, string]>;

  it("keeps whole visits inside the day's hours", () => {
    expect(withinBusinessHours(slot("2026-12-07T16:00:00", "2026-12-07T18:00:00"), hours)).toBe(true);
    expect(withinBusinessHours(slot("2026-12-07T17:00:00", "2026-12-07T19:00:00"), hours)).toBe(false);
    expect(withinBusinessHours(slot("2026-12-05T12:00:00", "2026-12-05T14:00:00"), hours)).toBe(false);
  });

  it("refuses days the office is closed (Sunday 6/12) and bounds nothing when no hours are set", () => {
    expect(withinBusinessHours(slot("2026-12-06T10:00:00", "2026-12-06T12:00:00"), hours)).toBe(false);
    expect(withinBusinessHours(slot("2026-12-06T10:00:00", "2026-12-06T12:00:00"), {})).toBe(true);
  });
});
