import { z } from "zod";
import { timeRangeSchema as range } from "../../lib/time-of-day.schemas";

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
