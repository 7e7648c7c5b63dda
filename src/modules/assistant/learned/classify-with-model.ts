import { INTENTS, type Awaiting, type EmergencyKind, type Intent, type IntentAlternative } from "../understanding/types";
import { classIntent, scoreFeatures, type IntentModel } from "./intent-model";
import committed from "./intent-model.json" with { type: "json" };
import { modelFeatures } from "./model-features";

export const INTENT_MODEL = committed as IntentModel;

export type ModelReading = {
  // Intents best first with their calibrated probabilities; emergency is the sum of its five kinds.
  alternatives: IntentAlternative[];
  emergencyProbability: number;
  // The likeliest emergency kind, whatever the emergency probability.
  emergencyKind: EmergencyKind;
};

// The learned model's reading of one message: in-process, no network, a few hundred feature lookups.
export function classifyWithModel(text: string, awaiting?: Awaiting, model: IntentModel = INTENT_MODEL): ModelReading {
  const { probabilities, emergencyProbability } = scoreFeatures(model, modelFeatures(text, awaiting));
  const byIntent = new Map<Intent, number>(INTENTS.map((i) => [i, 0]));
  let kind: { kind: EmergencyKind; p: number } = { kind: "gas", p: -1 };
  model.classes.forEach((name, i) => {
    const { intent, emergency } = classIntent(name);
    const p = probabilities[i]!;
    byIntent.set(intent, byIntent.get(intent)! + p);
    if (emergency && p > kind.p) kind = { kind: emergency, p };
  });
  const alternatives = [...byIntent.entries()]
    .map(([intent, p]) => ({ intent, confidence: Math.round(p * 1000) / 1000 }))
    .sort((a, b) => b.confidence - a.confidence || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent));
  return { alternatives, emergencyProbability, emergencyKind: kind.kind };
}
