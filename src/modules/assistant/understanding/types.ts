// Shared shapes of the understanding layer. Pure data: nothing here touches the database or the network.

export const INTENTS = [
  "greeting",
  "emergency",
  "quote_request",
  "schedule_request",
  "reschedule",
  "cancel",
  "job_status",
  "complaint",
  "human_handoff",
  "confirmation",
  "other",
] as const;
export type Intent = (typeof INTENTS)[number];

export const EMERGENCY_KINDS = ["gas", "electrical", "flood", "no_power_risk", "carbon_monoxide"] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];

// Same values as the ServiceType enum in database/schema.prisma, repeated so this layer stays free of Prisma.
export const SERVICE_TYPES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export type DayPart = "morning" | "afternoon" | "evening";

// What a customer said about a time, resolved to Buenos Aires calendar values. Only what the text states is set,
// except that a resolved date always carries its weekday. "next_week" is "la semana que viene" (no single date).
// after/before bound the start time ("después de las 18", "antes de las 10", HH:MM); weekend is "el finde".
export type When = {
  date?: string;
  weekday?: number;
  dayPart?: DayPart;
  time?: string;
  after?: string;
  before?: string;
  weekend?: true;
  relative?: "today" | "tomorrow" | "day_after" | "next_week";
};

export type OfferedSlot = { start: Date; end: Date };

export type PriceListEntry = { code: string; name: string; serviceType: string; keywords: readonly string[] };

export type ServiceMatch = { code: string; score: number };

// What the assistant's previous message asked, so a short answer ("sí", "el jueves", "2") is read against it.
// "job_choice": which of the customer's active visits a reschedule or cancel is about.
export const AWAITING = ["slot_choice", "schedule_offer", "cancel_confirm", "emergency_check", "address", "clarify", "reschedule_or_cancel", "job_choice"] as const;
export type Awaiting = (typeof AWAITING)[number];

export type IntentContext = { awaitingSlotChoice?: boolean; awaiting?: Awaiting };

// Below this calibrated confidence the assistant asks instead of guessing ("¿Querés reprogramar o cancelar?").
export const CLARIFY_BELOW = 0.5;

export type IntentAlternative = { intent: Intent; confidence: number };

export type IntentResult = {
  intent: Intent;
  confidence: number;
  emergency: EmergencyKind | null;
  // Names of the cues that decided the result, for logs and the evaluation report.
  signals: string[];
};

export type MessageEntities = {
  serviceType?: ServiceType;
  serviceCodes?: string[];
  when?: When;
  slotChoice?: number;
};

export type Understanding = {
  intent: Intent;
  confidence: number;
  emergency: EmergencyKind | null;
  normalized: string;
  entities: MessageEntities;
  // The cues behind the intent (see IntentResult.signals), for logs and the evaluation report.
  signals: string[];
  // The likeliest intents, best first (the chosen one included), with calibrated confidences. When the best one is
  // below CLARIFY_BELOW the engine asks between the first two.
  alternatives: IntentAlternative[];
  // Set when the message could be an emergency without being recognized as one: the engine asks "¿Es una urgencia?".
  possibleEmergency: EmergencyKind | null;
};
