import { z } from "zod";

// What the assistant remembers between turns of one conversation (WhatsAppConversation.assistantState): the slots
// it offered, the service being discussed and what answer it is waiting for. Old state expires so a customer who
// comes back a week later starts fresh.
export const assistantStateSchema = z.object({
  awaiting: z.enum(["schedule_offer", "slot_choice", "cancel_confirm", "emergency_check"]).optional(),
  // The hazard a message touched without being recognized as an emergency (asked about with "¿es una urgencia?").
  hazard: z.object({ kind: z.enum(["gas", "electrical", "flood", "no_power_risk", "carbon_monoxide"]), text: z.string() }).optional(),
  offeredSlots: z.array(z.object({ start: z.coerce.date(), end: z.coerce.date(), technicianId: z.string() })).default([]),
  service: z.object({ code: z.string().optional(), serviceType: z.string().optional(), name: z.string().optional() }).optional(),
  description: z.string().optional(),
  urgency: z.enum(["EMERGENCY", "HIGH", "NORMAL"]).optional(),
  // Reschedule: the job the offered slots are for.
  jobId: z.string().optional(),
  leadId: z.string().optional(),
  unclear: z.number().int().default(0),
  updatedAt: z.coerce.date().optional(),
});

export type AssistantState = z.infer<typeof assistantStateSchema>;

const TTL_MS = 48 * 3600_000;

export function readAssistantState(raw: unknown, now: Date): AssistantState {
  const parsed = assistantStateSchema.safeParse(raw ?? {});
  if (!parsed.success) return assistantStateSchema.parse({});
  if (parsed.data.updatedAt && now.getTime() - parsed.data.updatedAt.getTime() > TTL_MS) return assistantStateSchema.parse({});
  return parsed.data;
}
