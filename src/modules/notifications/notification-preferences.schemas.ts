import { z } from "zod";
import { timeOfDaySchema as hhmm } from "../../lib/time-of-day.schemas";

export const quietHoursInputSchema = z.object({ start: hhmm, end: hhmm }).refine((q) => q.start !== q.end, "El horario de silencio no puede empezar y terminar a la misma hora.");

// What a staff member sets for themself. Phone and email override the account's (e.g. a work email).
export const notificationPreferencesInputSchema = z.object({
  channels: z.array(z.enum(["push", "email", "whatsapp"])).max(3).transform((c) => [...new Set(c)]),
  email: z.email("El email no es válido.").nullable().optional(),
  quietHours: quietHoursInputSchema.nullable().optional(),
});

export type NotificationPreferencesInput = z.input<typeof notificationPreferencesInputSchema>;
