import { describe, expect, it } from "vitest";
import { pickOfferedSlot } from "./pick-offered-slot";

const BA = (local: string) => new Date(`${local}:00-03:00`);
const now = BA("2026-11-18T10:00"); // Wednesday
const slots = [
  { start: BA("2026-11-19T09:00"), end: BA("2026-11-19T11:00") }, // Thursday morning
  { start: BA("2026-11-19T15:00"), end: BA("2026-11-19T17:00") }, // Thursday afternoon
  { start: BA("2026-11-20T10:00"), end: BA("2026-11-20T12:00") }, // Friday morning
];

describe("pickOfferedSlot", () => {
  it("picks by position", () => {
    expect(pickOfferedSlot("la primera", slots, now)).toBe(0);
    expect(pickOfferedSlot("el segundo", slots, now)).toBe(1);
    expect(pickOfferedSlot("opción 2", slots, now)).toBe(1);
    expect(pickOfferedSlot("2", slots, now)).toBe(1);
    expect(pickOfferedSlot("la 3 porfa", slots, now)).toBe(2);
    expect(pickOfferedSlot("perfecto, el último", slots, now)).toBe(2);
  });

  it("picks by day and time", () => {
    expect(pickOfferedSlot("el de las 10", slots, now)).toBe(2);
    expect(pickOfferedSlot("el viernes", slots, now)).toBe(2);
    expect(pickOfferedSlot("mañana a la tarde", slots, now)).toBe(1);
    expect(pickOfferedSlot("el 20 a las 10", slots, now)).toBe(2);
    expect(pickOfferedSlot("el de las 3 de la tarde", slots, now)).toBe(1);
  });

  it("returns null when several slots or none fit", () => {
    expect(pickOfferedSlot("el jueves", slots, now)).toBeNull();
    expect(pickOfferedSlot("el martes", slots, now)).toBeNull();
    expect(pickOfferedSlot("opción 7", slots, now)).toBeNull();
    expect(pickOfferedSlot("ninguno me sirve", slots, now)).toBeNull();
  });

  it("takes a plain yes only when exactly one slot was offered", () => {
    const one = [{ start: BA("2026-11-24T14:00"), end: BA("2026-11-24T16:00") }];
    expect(pickOfferedSlot("sí", one, now)).toBe(0);
    expect(pickOfferedSlot("dale", one, now)).toBe(0);
    expect(pickOfferedSlot("👍", one, now)).toBe(0);
    expect(pickOfferedSlot("sí", slots, now)).toBeNull();
    expect(pickOfferedSlot("no", one, now)).toBeNull();
  });

  it("does not read 'a primera hora' or 'y cuarto' as positions", () => {
    expect(pickOfferedSlot("mañana a primera hora", slots, now)).toBe(0);
    expect(pickOfferedSlot("el de las 3 y cuarto", slots, now)).toBeNull();
  });

  it("returns null without slots", () => {
    expect(pickOfferedSlot("la primera", [], now)).toBeNull();
  });
});
