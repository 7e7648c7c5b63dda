import { z } from "zod";
import { timeRangeSchema as range } from "../../lib/time-of-day.schemas";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

// What an admin may change. Omitted fields keep their value; businessHours, when sent, replaces the whole week
// (a day left out is closed). Limits match the reader in assistant-settings.ts, so a saved document always parses.
export const assistantSettingsInputSchema = z
  .object({
    autoResponseEnabled: z.boolean().optional(),
    mode: z.enum(["always", "outside_business_hours"]).optional(),
    customInstructions: z.string().trim().max(2000, "Las instrucciones pueden tener hasta 2000 caracteres.").optional(),
    handoffMinutes: z.number().int().min(5, "La pausa tiene que ser de al menos 5 minutos.").max(7 * 24 * 60, "La pausa puede ser de hasta 7 días.").optional(),
    onCallUserIds: z.array(z.string().min(1)).max(20).transform((ids) => [...new Set(ids)]).optional(),
    businessHours: z.partialRecord(z.enum(DAYS), range).optional(),
  })
  .strict();

export type AssistantSettingsInput = z.output<typeof assistantSettingsInputSchema>;
