import { addDays, localDateOf, weekdayOf, zonedTimeToUtc } from "../../lib/time";
import { argentineHolidays } from "./argentine-holidays";

export type Interval = { start: Date; end: Date };
// Per weekday (0 = Sunday), working ranges in local time: { 1: [["08:00", "13:00"], ["14:00", "18:00"]] }.
export type WorkingHours = Partial<Record<number, [string, string][]>>;

export type FreeSlotsInput = {
  from: Date;
  days: number;
  workingHours: WorkingHours;
  timeOff: Interval[];
  // Existing jobs of the technician; each blocks its window plus the travel buffer on both sides.
  busy: Interval[];
  travelBufferMinutes: number;
  slotMinutes: number;
  now: Date;
  timeZone?: string;
  includeBridgeDays?: boolean;
};

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

// Free slots of one technician over a range of days, in Buenos Aires time: inside working hours, outside time off,
// national holidays and existing jobs (padded by the travel buffer), never in the past. Slots start on the
// working range's grid (every slotMinutes from its start), which is what customers are offered.
export function findFreeSlots(input: FreeSlotsInput): Interval[] {
  const tz = input.timeZone ?? "America/Argentina/Buenos_Aires";
  const bufferMs = input.travelBufferMinutes * 60_000;
  const blocked = [
    ...input.timeOff,
    ...input.busy.map((b) => ({ start: new Date(b.start.getTime() - bufferMs), end: new Date(b.end.getTime() + bufferMs) })),
  ];
  const slotMs = input.slotMinutes * 60_000;
  const slots: Interval[] = [];
  const firstDay = localDateOf(input.from, tz);
  for (let d = 0; d < input.days; d++) {
    const day = addDays(firstDay, d);
    if (argentineHolidays(Number(day.slice(0, 4)), { includeBridgeDays: input.includeBridgeDays ?? false }).has(day)) continue;
    for (const [from, to] of input.workingHours[weekdayOf(day)] ?? []) {
      const rangeEnd = zonedTimeToUtc(day, to, tz).getTime();
      for (let t = zonedTimeToUtc(day, from, tz).getTime(); t + slotMs <= rangeEnd; t += slotMs) {
        const slot = { start: new Date(t), end: new Date(t + slotMs) };
        if (slot.start < input.now || slot.start < input.from) continue;
        if (blocked.some((b) => overlaps(slot, b))) continue;
        slots.push(slot);
      }
    }
  }
  return slots;
}
