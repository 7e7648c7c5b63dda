import { describe, expect, it } from "vitest";
import { findFreeSlots, type FreeSlotsInput } from "./find-free-slots";

const BA = (local: string) => new Date(`${local}:00-03:00`); // Buenos Aires is UTC-3 all year
const hhmm = (slots: { start: Date }[]) =>
  slots.map((s) => new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", weekday: "short", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(s.start));

const base: FreeSlotsInput = {
  from: BA("2026-11-24T00:00"), // Tuesday
  days: 1,
  workingHours: { 1: [["09:00", "13:00"]], 2: [["09:00", "13:00"]], 3: [["09:00", "13:00"]] },
  timeOff: [],
  busy: [],
  travelBufferMinutes: 0,
  slotMinutes: 120,
  now: BA("2026-11-20T00:00"),
};

describe("free slots", () => {
  it("follows working hours in Buenos Aires time", () => {
    const slots = findFreeSlots(base);
    expect(slots.map((s) => s.start.toISOString())).toEqual(["2026-11-24T12:00:00.000Z", "2026-11-24T14:00:00.000Z"]);
  });

  it("skips national holidays (Monday 23/11/2026, Día de la Soberanía Nacional)", () => {
    const slots = findFreeSlots({ ...base, from: BA("2026-11-23T00:00"), days: 2 });
    expect(hhmm(slots)).toEqual(["mar 24, 09:00", "mar 24, 11:00"]);
  });

  it("blocks time off and existing jobs with the travel buffer", () => {
    const slots = findFreeSlots({
      ...base,
      days: 2,
      slotMinutes: 60,
      timeOff: [{ start: BA("2026-11-25T00:00"), end: BA("2026-11-25T10:00") }],
      busy: [{ start: BA("2026-11-24T10:00"), end: BA("2026-11-24T11:00") }],
      travelBufferMinutes: 30,
    });
    // Tuesday: the 10-11 job blocks 09:30-11:30, so 09:00, 10:00 and 11:00 are gone. Wednesday: off until 10:00.
    expect(hhmm(slots)).toEqual(["mar 24, 12:00", "mié 25, 10:00", "mié 25, 11:00", "mié 25, 12:00"]);
  });

  it("never offers the past", () => {
    const slots = findFreeSlots({ ...base, now: BA("2026-11-24T10:30") });
    expect(hhmm(slots)).toEqual(["mar 24, 11:00"]);
  });
});
