import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Usá el formato HH:MM (24 h).");
const range = z.tuple([hhmm, hhmm]).refine(([from, to]) => from < to, "El horario tiene que terminar después de empezar.");

// Per weekday ("0" = domingo … "6" = sábado), ranges in Buenos Aires time, ordered and not overlapping.
export const workingHoursSchema = z
  .partialRecord(z.enum(["0", "1", "2", "3", "4", "5", "6"]), z.array(range).max(6))
  .superRefine((days, ctx) => {
    for (const [day, ranges] of Object.entries(days)) {
      const sorted = [...(ranges ?? [])].sort((a, b) => a[0].localeCompare(b[0]));
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i]![0] < sorted[i - 1]![1]) ctx.addIssue({ code: "custom", path: [day], message: "Los horarios de un mismo día se superponen." });
      }
    }
  });

export const technicianScheduleSchema = z.object({
  workingHours: workingHoursSchema,
  travelBufferMinutes: z.number().int().min(0).max(240),
});

export type TechnicianScheduleInput = z.infer<typeof technicianScheduleSchema>;
