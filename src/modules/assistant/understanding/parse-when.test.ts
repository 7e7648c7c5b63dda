import { describe, expect, it } from "vitest";
import { parseWhen } from "./parse-when";

// Wednesday 18/11/2026, 10:00 in Buenos Aires (UTC-3 all year).
const now = new Date("2026-11-18T10:00:00-03:00");

describe("parseWhen", () => {
  it("returns null when no day or time is named", () => {
    expect(parseWhen("cuánto sale destapar una cloaca", now)).toBeNull();
    expect(parseWhen("hace 3 horas que espero", now)).toBeNull();
  });

  it("resolves hoy, mañana and pasado mañana to Buenos Aires dates", () => {
    expect(parseWhen("hoy", now)).toEqual({ date: "2026-11-18", weekday: 3, relative: "today" });
    expect(parseWhen("mañana", now)).toEqual({ date: "2026-11-19", weekday: 4, relative: "tomorrow" });
    expect(parseWhen("pasado mañana", now)).toEqual({ date: "2026-11-20", weekday: 5, relative: "day_after" });
    expect(parseWhen("mñn", now)).toMatchObject({ relative: "tomorrow" });
  });

  it("uses the Buenos Aires date, not the UTC one, late at night", () => {
    // 23:30 in Buenos Aires is already the 19th in UTC.
    expect(parseWhen("hoy", new Date("2026-11-18T23:30:00-03:00"))?.date).toBe("2026-11-18");
  });

  it("tells mañana (tomorrow) from la mañana (the morning)", () => {
    expect(parseWhen("a la mañana", now)).toEqual({ dayPart: "morning" });
    expect(parseWhen("por la mañana", now)).toEqual({ dayPart: "morning" });
    expect(parseWhen("mañana a la mañana", now)).toEqual({ date: "2026-11-19", weekday: 4, relative: "tomorrow", dayPart: "morning" });
    expect(parseWhen("mañana a la tarde", now)).toMatchObject({ date: "2026-11-19", dayPart: "afternoon" });
    expect(parseWhen("temprano", now)).toEqual({ dayPart: "morning" });
  });

  it("takes the next occurrence of a weekday, never today", () => {
    expect(parseWhen("el martes", now)).toEqual({ date: "2026-11-24", weekday: 2 });
    expect(parseWhen("el miércoles", now)).toEqual({ date: "2026-11-25", weekday: 3 });
    expect(parseWhen("el jueves", now)).toEqual({ date: "2026-11-19", weekday: 4 });
    expect(parseWhen("el sabado temprano", now)).toEqual({ date: "2026-11-21", weekday: 6, dayPart: "morning" });
  });

  it("reads a day of the month, moving to next month when it already passed", () => {
    expect(parseWhen("el 25", now)?.date).toBe("2026-11-25");
    expect(parseWhen("el 15", now)?.date).toBe("2026-12-15");
    expect(parseWhen("para el 2", new Date("2026-11-30T09:00:00-03:00"))?.date).toBe("2026-12-02");
    expect(parseWhen("el 31", now)?.date).toBe("2026-12-31");
  });

  it("lets the day number win in 'el sábado 28'", () => {
    expect(parseWhen("el sábado 28", now)).toEqual({ date: "2026-11-28", weekday: 6 });
    expect(parseWhen("el lunes 23 a las 10", now)).toEqual({ date: "2026-11-23", weekday: 1, time: "10:00" });
  });

  it("reads 15/12 and 15 de diciembre, rolling the year over when needed", () => {
    expect(parseWhen("15/12", now)?.date).toBe("2026-12-15");
    expect(parseWhen("el 15 de diciembre", now)?.date).toBe("2026-12-15");
    expect(parseWhen("el 5 de enero", new Date("2026-12-28T11:00:00-03:00"))?.date).toBe("2027-01-05");
    expect(parseWhen("3/12 a la mañana", now)).toMatchObject({ date: "2026-12-03", dayPart: "morning" });
  });

  it("reads times: a las 10, 10hs, 10 hs, 10:30, y media", () => {
    expect(parseWhen("a las 10", now)).toEqual({ time: "10:00" });
    expect(parseWhen("10hs", now)).toEqual({ time: "10:00" });
    expect(parseWhen("10 hs", now)).toEqual({ time: "10:00" });
    expect(parseWhen("10:30", now)).toEqual({ time: "10:30" });
    expect(parseWhen("a las 9 y media", now)).toEqual({ time: "09:30" });
  });

  it("reads afternoon hours: a las 3 de la tarde, and bare 1–7 as afternoon", () => {
    expect(parseWhen("a las 3 de la tarde", now)).toEqual({ time: "15:00", dayPart: "afternoon" });
    expect(parseWhen("a las 5", now)).toEqual({ time: "17:00" });
    expect(parseWhen("a las 7 de la mañana", now)).toEqual({ time: "07:00", dayPart: "morning" });
  });

  it("reads después de las 14 and a partir de las 16 as a lower bound, not a wanted time", () => {
    expect(parseWhen("hoy después de las 14", now)).toEqual({ date: "2026-11-18", weekday: 3, relative: "today", after: "14:00" });
    expect(parseWhen("el jueves a partir de las 16", now)).toEqual({ date: "2026-11-19", weekday: 4, after: "16:00" });
  });

  it("reads the customer's time words as bounds on the visit", () => {
    expect(parseWhen("a la tarde", now)).toEqual({ dayPart: "afternoon" });
    expect(parseWhen("a la mañana", now)).toEqual({ dayPart: "morning" });
    expect(parseWhen("a la noche", now)).toEqual({ dayPart: "evening" });
    expect(parseWhen("después de las 18", now)).toEqual({ after: "18:00" });
    expect(parseWhen("dsp de las 6", now)).toEqual({ after: "18:00" });
    expect(parseWhen("antes de las 10", now)).toEqual({ before: "10:00" });
    expect(parseWhen("hasta las 12 estoy", now)).toEqual({ before: "12:00" });
    expect(parseWhen("tipo 10", now)).toEqual({ time: "10:00" });
    expect(parseWhen("a la siesta", now)).toEqual({ dayPart: "afternoon", after: "13:00", before: "16:00" });
    expect(parseWhen("el finde", now)).toEqual({ weekend: true });
    expect(parseWhen("algún fin de semana a la mañana", now)).toEqual({ weekend: true, dayPart: "morning" });
    expect(parseWhen("la semana que viene a la tarde", now)).toEqual({ relative: "next_week", dayPart: "afternoon" });
    expect(parseWhen("a primera hora", now)).toEqual({ dayPart: "morning", before: "10:00" });
    expect(parseWhen("mañana antes de las 10", now)).toEqual({ date: "2026-11-19", weekday: 4, relative: "tomorrow", before: "10:00" });
  });

  it("does not read amounts or dates as time bounds", () => {
    expect(parseWhen("hasta 12 cuotas", now)).toBeNull();
    expect(parseWhen("desde el 15", now)).toEqual({ date: "2026-12-15", weekday: 2 });
  });

  it("keeps the last day named and ignores the one after 'en vez de'", () => {
    expect(parseWhen("cambiar el de mañana para el viernes", now)?.date).toBe("2026-11-20");
    expect(parseWhen("en vez del miércoles puede ser el jueves", now)?.date).toBe("2026-11-19");
    expect(parseWhen("a las 16 en vez de a las 10", now)?.time).toBe("16:00");
    expect(parseWhen("para la tarde en vez de la mañana", now)?.dayPart).toBe("afternoon");
  });

  it("reads la semana que viene without inventing a date", () => {
    expect(parseWhen("la semana que viene", now)).toEqual({ relative: "next_week" });
  });

  it("does not take a phone number or a duration for a date", () => {
    expect(parseWhen("llamame al 11 5555 4444", now)).toBeNull();
    expect(parseWhen("llegó 2 horas tarde", now)).toBeNull();
  });
});
