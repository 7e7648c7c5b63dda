import { describe, expect, it } from "vitest";
import { formatClockAr, formatDateClockAr, formatDayMonthClockAr, formatLongDateAr, formatWeekdayDayMonthAr } from "./clock-format";

// Buenos Aires is UTC−3 all year: 03:30 UTC is half past midnight there.
const HALF_PAST_MIDNIGHT = new Date("2026-12-02T03:30:00Z");

describe("clock formatting", () => {
  it("says 00:30 at half past midnight, never 24:30", () => {
    expect(formatClockAr(HALF_PAST_MIDNIGHT)).toBe("00:30");
    expect(formatDayMonthClockAr(HALF_PAST_MIDNIGHT)).toBe("2/12, 00:30");
    expect(formatDateClockAr(HALF_PAST_MIDNIGHT)).toBe("02/12/2026, 00:30");
  });

  it("uses the Buenos Aires day and a 24-hour clock around midnight", () => {
    expect(formatClockAr("2026-12-02T02:59:00Z")).toBe("23:59");
    expect(formatDayMonthClockAr("2026-12-02T02:59:00Z")).toBe("1/12, 23:59");
    expect(formatClockAr(Date.UTC(2026, 11, 2, 3, 0))).toBe("00:00");
    expect(formatClockAr("2026-12-02T17:05:00Z")).toBe("14:05");
  });

  it("the es-AR pitfall it exists for is real (hour12: false prints 24:30)", () => {
    const pitfall = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", hour: "2-digit", minute: "2-digit", hour12: false });
    expect(pitfall.format(HALF_PAST_MIDNIGHT)).toBe("24:30");
  });

  it("names the Buenos Aires day (not UTC's) for the tracking and payment pages around midnight", () => {
    expect(formatWeekdayDayMonthAr(HALF_PAST_MIDNIGHT)).toBe("miércoles, 2 de diciembre");
    expect(formatWeekdayDayMonthAr("2026-12-02T02:59:00Z")).toBe("martes, 1 de diciembre");
    expect(formatLongDateAr(HALF_PAST_MIDNIGHT)).toBe("2 de diciembre de 2026");
    // New Year's Eve at 23:59 in Buenos Aires is already January 1st in UTC.
    expect(formatLongDateAr("2027-01-01T02:59:00Z")).toBe("31 de diciembre de 2026");
  });
});
