import { z } from "zod";
import { AWAITING, INTENTS } from "./understanding/types";

const slotSchema = z.object({ start: z.coerce.date(), end: z.coerce.date(), technicianId: z.string() });
const addressSchema = z.object({
  street: z.string().nullable().default(null),
  number: z.string().nullable().default(null),
  floorApartment: z.string().nullable().default(null),
  locality: z.string().nullable().default(null),
  references: z.string().nullable().default(null),
});
export type VisitAddress = z.infer<typeof addressSchema>;

// What the assistant remembers between turns of one conversation (WhatsAppConversation.assistantState): the slots
// it offered, the service being discussed and what answer it is waiting for. Old state expires so a customer who
// comes back a week later starts fresh.
export const assistantStateSchema = z.object({
  awaiting: z.enum(AWAITING).optional(),
  // The hazard a message touched without being recognized as an emergency (asked about with "¿es una urgencia?").
  hazard: z.object({ kind: z.enum(["gas", "electrical", "flood", "no_power_risk", "carbon_monoxide"]), text: z.string() }).optional(),
  offeredSlots: z.array(slotSchema).default([]),
  // A new visit: the slot the customer picked, held while the address is asked (re-checked when booking).
  chosenSlot: z.object({ index: z.number().int() }).optional(),
  // The address being collected: what was understood so far, the one on file being confirmed, the failed tries
  // (two and a person takes over) and whether the locality was asked already (asked once, never insisted on).
  address: z.object({
    draft: addressSchema.optional(),
    onFile: addressSchema.optional(),
    tries: z.number().int().default(0),
    askedLocality: z.boolean().default(false),
  }).optional(),
  // Which active job a reschedule or cancel is about, when the customer has several ("¿cuál?").
  jobChoice: z.object({ action: z.enum(["reschedule", "cancel"]), jobIds: z.array(z.string()), text: z.string().default("") }).optional(),
  // The job a "¿reprogramar o cancelar?" question or a cancel confirmation is about.
  targetJobId: z.string().optional(),
  // A low-confidence message: the two readings asked about and the message itself (re-read with the answer).
  clarify: z.object({ options: z.array(z.enum(INTENTS)).length(2), text: z.string() }).optional(),
  // A photo was asked for after booking: photos sent from then on are attached to this job.
  // thankedAt: photos up to then were already thanked for (one still downloading is attached on a later turn).
  photo: z.object({ jobId: z.string(), number: z.number().int(), askedAt: z.coerce.date(), thankedAt: z.coerce.date().optional() }).optional(),
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
