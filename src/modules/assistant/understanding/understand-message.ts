import { classifyWithModel } from "../learned/classify-with-model";
import { combineReadings } from "../learned/combine-readings";
import { classifyIntent } from "./classify-intent";
import { detectServiceType } from "./detect-service-type";
import { matchService } from "./match-service";
import { normalizeText } from "./normalize-text";
import { parseWhen } from "./parse-when";
import { pickOfferedSlot } from "./pick-offered-slot";
import { SERVICE_TYPES, type Awaiting, type MessageEntities, type OfferedSlot, type PriceListEntry, type ServiceType, type Understanding } from "./types";

// Which classifier decides the intent: the hand-written rules alone, the learned model alone, or both (the model
// decides, the safety rules keep the last word on emergencies). `campotech assistant eval --model` compares them.
export const UNDERSTANDING_ENGINES = ["rules", "learned", "combined"] as const;
export type UnderstandingEngine = (typeof UNDERSTANDING_ENGINES)[number];

export type UnderstandOptions = {
  now: Date;
  priceList: readonly PriceListEntry[];
  // The slots the assistant offered in its last message, if it is waiting for the customer to pick one.
  offeredSlots?: OfferedSlot[];
  // What the assistant's last message was waiting for (assistant-state `awaiting`).
  awaiting?: Awaiting;
  timeZone?: string;
  engine?: UnderstandingEngine;
};

// Everything the assistant engine needs from one customer message: intent, emergency kind, and the entities
// (trade, price-list codes, when, picked slot). Pure and deterministic: same text and options, same answer.
export function understandMessage(text: string, options: UnderstandOptions): Understanding {
  const timeZone = options.timeZone ?? "America/Argentina/Buenos_Aires";
  const offered = options.offeredSlots ?? [];
  const awaiting = options.awaiting ?? (offered.length ? "slot_choice" : undefined);
  const engine = options.engine ?? "combined";
  const normalized = normalizeText(text);
  const rules = engine === "learned" ? null : classifyIntent(text, { awaitingSlotChoice: offered.length > 0, ...(awaiting ? { awaiting } : {}) });
  const reading = rules && engine === "rules"
    ? { ...rules, possibleEmergency: null, alternatives: [{ intent: rules.intent, confidence: rules.confidence }] }
    : combineReadings(rules, classifyWithModel(text, awaiting), normalized);

  const entities: MessageEntities = {};
  const matches = matchService(text, options.priceList);
  if (matches.length) entities.serviceCodes = matches.map((m) => m.code);
  const bestItem = options.priceList.find((item) => item.code === matches[0]?.code);
  const serviceType = detectServiceType(text) ?? (isServiceType(bestItem?.serviceType) ? bestItem.serviceType : null);
  if (serviceType) entities.serviceType = serviceType;
  const when = parseWhen(text, options.now, timeZone);
  if (when) entities.when = when;
  if (reading.intent === "schedule_request" && offered.length) {
    const slot = pickOfferedSlot(text, offered, options.now, timeZone);
    if (slot !== null) entities.slotChoice = slot;
  }

  return {
    intent: reading.intent,
    confidence: reading.confidence,
    emergency: reading.emergency,
    normalized,
    entities,
    signals: reading.signals,
    alternatives: reading.alternatives,
    possibleEmergency: reading.possibleEmergency,
  };
}

function isServiceType(value: string | undefined): value is ServiceType {
  return (SERVICE_TYPES as readonly string[]).includes(value ?? "");
}
