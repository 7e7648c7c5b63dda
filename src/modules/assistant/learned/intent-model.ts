import { EMERGENCY_KINDS, INTENTS, type EmergencyKind, type Intent } from "../understanding/types";

// The learned model's classes: every intent but "emergency", plus one class per emergency kind, so the model says
// both that a message is an emergency and which one. P(emergency) is the sum of the five kind classes.
export const MODEL_CLASSES = [
  ...INTENTS.filter((i) => i !== "emergency"),
  ...EMERGENCY_KINDS.map((k) => `emergency:${k}` as const),
] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

// A trained linear (multinomial logistic) model as committed data: weights are integers, `scale` per unit, one row
// of MODEL_CLASSES.length per feature name. Written by `campotech assistant train`.
export type IntentModel = {
  version: 1;
  classes: string[];
  scale: number;
  temperature: number;
  bias: number[];
  weights: Record<string, number[]>;
  training: { examples: number; features: number; epochs: number; learningRate: number; l2: number; minCount: number; seed: number; corpusSha256: string };
};

export type ModelScores = { probabilities: number[]; emergencyProbability: number };

// Class probabilities for a message's features: softmax of the linear scores, divided by the calibration
// temperature. Features the model never saw count in the normalization but add no weight, as in training.
export function scoreFeatures(model: IntentModel, features: readonly string[]): ModelScores {
  const k = model.classes.length;
  const value = features.length ? 1 / Math.sqrt(features.length) : 0;
  const z = model.bias.map((b) => b / model.scale);
  for (const name of features) {
    const row = model.weights[name];
    if (!row) continue;
    for (let c = 0; c < k; c++) z[c]! += (row[c]! / model.scale) * value;
  }
  const probabilities = softmax(z.map((s) => s / model.temperature));
  const emergencyProbability = model.classes.reduce((sum, name, i) => (name.startsWith("emergency:") ? sum + probabilities[i]! : sum), 0);
  return { probabilities, emergencyProbability };
}

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((s) => Math.exp(s - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / total);
}

export function classIntent(name: string): { intent: Intent; emergency: EmergencyKind | null } {
  if (name.startsWith("emergency:")) return { intent: "emergency", emergency: name.slice("emergency:".length) as EmergencyKind };
  return { intent: name as Intent, emergency: null };
}
