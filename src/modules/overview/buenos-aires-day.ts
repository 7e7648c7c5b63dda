import { addDays, localDateOf, startOfMonthInTimezone, zonedTimeToUtc } from "../../lib/time";

// The dashboard speaks in Buenos Aires days and months (the organization's working day), not UTC ones.
export function buenosAiresPeriods(now: Date): { date: string; dayStart: Date; dayEnd: Date; monthStart: Date } {
  const date = localDateOf(now);
  return { date, dayStart: zonedTimeToUtc(date, "00:00"), dayEnd: zonedTimeToUtc(addDays(date, 1), "00:00"), monthStart: startOfMonthInTimezone(now) };
}
