import { dismissal, mentionedHazard } from "../understanding/detect-emergency";
import type { EmergencyKind, Intent, IntentAlternative, IntentResult } from "../understanding/types";
import type { ModelReading } from "./classify-with-model";

// Model emergency probability from which a message is treated as an emergency outright, and from which the
// assistant at least asks "¿Es una urgencia?". Chosen on the validation split (never the test split).
export const EMERGENCY_ACCEPT = 0.5;
export const EMERGENCY_ASK = 0.12;
// A rules emergency the model finds this implausible is asked about ("¿Es una urgencia?") instead of escalated: on
// the blind sets the rules' false alarms were quotes and history ("el mes pasado…") that the model reads right, and
// a false alarm wakes an owner at night. The customer still gets the safety question, never silence.
export const RULE_EMERGENCY_FLOOR = 0.02;

export type CombinedReading = {
  intent: Intent;
  confidence: number;
  emergency: EmergencyKind | null;
  possibleEmergency: EmergencyKind | null;
  alternatives: IntentAlternative[];
  signals: string[];
};

// The learned model decides the intent; the safety rules keep the last word on danger. A message the rules read as
// an emergency is one unless the model is nearly sure it is not (then it is asked about, see RULE_EMERGENCY_FLOOR);
// a missed gas leak is the worst error this product can make. The
// model can add emergencies the rules did not foresee, and a message with some emergency probability that neither
// accepts gets the "¿Es una urgencia?" question instead of a normal answer.
export function combineReadings(rules: IntentResult | null, model: ModelReading, normalized: string): CombinedReading {
  const signals = [`model:${model.alternatives[0]!.intent}@${model.alternatives[0]!.confidence}`];
  if (rules?.emergency && model.emergencyProbability < RULE_EMERGENCY_FLOOR) {
    const rest = model.alternatives.filter((a) => a.intent !== "emergency");
    return { intent: rest[0]!.intent, confidence: rest[0]!.confidence, emergency: null, possibleEmergency: rules.emergency, alternatives: rest, signals: [...rules.signals, ...signals, "model:doubts-rules-emergency"] };
  }
  if (rules?.emergency) {
    return {
      intent: "emergency", confidence: Math.max(0.95, model.emergencyProbability), emergency: rules.emergency, possibleEmergency: null,
      alternatives: withFirst(model.alternatives, "emergency"), signals: [...rules.signals, ...signals],
    };
  }
  // The model does not read tense or hypotheticals well: a danger it sees in "¿qué hago si…?" or "el mes pasado…"
  // gets the question, not the escalation.
  if (model.emergencyProbability >= EMERGENCY_ACCEPT && !dismissal(normalized)) {
    const kind = mentionedHazard(normalized) ?? model.emergencyKind;
    return {
      intent: "emergency", confidence: round(model.emergencyProbability), emergency: kind, possibleEmergency: null,
      alternatives: withFirst(model.alternatives, "emergency"), signals: [...signals, `model:emergency:${kind}`],
    };
  }
  const rest = model.alternatives.filter((a) => a.intent !== "emergency");
  const best = rest[0]!;
  const possibleEmergency = model.emergencyProbability >= EMERGENCY_ASK ? (mentionedHazard(normalized) ?? model.emergencyKind) : null;
  return {
    intent: best.intent, confidence: best.confidence, emergency: null, possibleEmergency,
    alternatives: rest, signals: possibleEmergency ? [...signals, `model:possible-emergency@${round(model.emergencyProbability)}`] : signals,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function withFirst(alternatives: IntentAlternative[], intent: Intent): IntentAlternative[] {
  const first = alternatives.find((a) => a.intent === intent) ?? { intent, confidence: 0 };
  return [first, ...alternatives.filter((a) => a.intent !== intent)];
}
