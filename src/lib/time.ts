import { env } from "./env";

// Argentina has no DST since 2009: Buenos Aires is UTC-03:00 all year (reference/ARGENTINA.md §7.1).
// Month boundaries for usage counters are Buenos Aires months, not UTC months.
export function startOfMonthInTimezone(at: Date = new Date(), timeZone: string = env.APP_TIMEZONE): Date {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = Number(parts.find((p) => p.type === "month")?.value);
  const guess = Date.UTC(year, month - 1, 1);
  return new Date(guess - offsetMs(new Date(guess), timeZone));
}

// Offset of timeZone from UTC at that instant, in ms (positive east of Greenwich).
function offsetMs(at: Date, timeZone: string): number {
  const local = new Date(at.toLocaleString("en-US", { timeZone }));
  const utc = new Date(at.toLocaleString("en-US", { timeZone: "UTC" }));
  return local.getTime() - utc.getTime();
}

// "2026-11-24" + "10:30" in timeZone → the UTC instant. Used for working hours and slots, always in Buenos Aires.
export function zonedTimeToUtc(localDate: string, time: string, timeZone: string = env.APP_TIMEZONE): Date {
  const guess = new Date(`${localDate}T${time}:00Z`);
  return new Date(guess.getTime() - offsetMs(guess, timeZone));
}

// The calendar date ("YYYY-MM-DD") of an instant in timeZone.
export function localDateOf(at: Date, timeZone: string = env.APP_TIMEZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function addDays(localDate: string, days: number): string {
  const d = new Date(`${localDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// 0 = Sunday … 6 = Saturday, for a calendar date.
export function weekdayOf(localDate: string): number {
  return new Date(`${localDate}T12:00:00Z`).getUTCDay();
}
