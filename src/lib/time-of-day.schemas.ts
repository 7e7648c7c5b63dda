import { z } from "zod";

// A wall-clock time as people enter it in settings forms ("08:00", "21:30"), and a from–to range of them.
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const timeOfDaySchema = z.string().regex(HHMM, "Usá el formato HH:MM (24 h).");

// Zod runs the refinement even when a time is malformed; the order is only compared once both are readable.
export const timeRangeSchema = z
  .tuple([timeOfDaySchema, timeOfDaySchema])
  .refine(([from, to]) => !(HHMM.test(from) && HHMM.test(to)) || from < to, "El horario tiene que terminar después de empezar.");
