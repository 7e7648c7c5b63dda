import { addDays, localDateOf, zonedTimeToUtc } from "../../lib/time";

// The map and the route speak in Buenos Aires days ("hoy" is the organization's working day, not UTC's).
export function trackingDay(day: string | undefined, now: Date): { day: string; start: Date; end: Date; isToday: boolean } {
  const today = localDateOf(now);
  const chosen = day ?? today;
  return { day: chosen, start: zonedTimeToUtc(chosen, "00:00"), end: zonedTimeToUtc(addDays(chosen, 1), "00:00"), isToday: chosen === today };
}
