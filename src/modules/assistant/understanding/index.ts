export { classifyIntent } from "./classify-intent";
export { detectEmergency, mentionedHazard } from "./detect-emergency";
export type { EmergencyDetection } from "./detect-emergency";
export { detectServiceType } from "./detect-service-type";
export { matchService } from "./match-service";
export { normalizeText } from "./normalize-text";
export { parseWhen } from "./parse-when";
export { pickOfferedSlot } from "./pick-offered-slot";
export { AWAITING, CLARIFY_BELOW, EMERGENCY_KINDS, INTENTS, SERVICE_TYPES } from "./types";
export type {
  Awaiting, DayPart, EmergencyKind, Intent, IntentAlternative, IntentContext, IntentResult, MessageEntities, OfferedSlot, PriceListEntry,
  ServiceMatch, ServiceType, Understanding, When,
} from "./types";
export { understandMessage, UNDERSTANDING_ENGINES } from "./understand-message";
export type { UnderstandingEngine, UnderstandOptions } from "./understand-message";
