import { readFileSync, writeFileSync } from "node:fs";
import { buildIntentModel, serializeIntentModel } from "./build-intent-model";
import { INTENT_MODEL_PATH } from "./intent-model-path";

export type TrainSummary = {
  path: string;
  written: boolean;
  matchesCommitted: boolean;
  counts: { train: number; validation: number; test: number };
  validationAccuracy: number;
  temperature: number;
  features: number;
  bytes: number;
  corpusSha256: string;
  ms: number;
};

// Retrains from the corpus and compares with the committed weights. `check` only compares (CI and reviewers use it
// to show the committed file is what the script produces); otherwise the file is rewritten.
export function trainAndWrite({ check = false, path = INTENT_MODEL_PATH }: { check?: boolean; path?: string } = {}): TrainSummary {
  const started = performance.now();
  const built = buildIntentModel();
  const text = serializeIntentModel(built.model);
  let committed = "";
  try {
    committed = readFileSync(path, "utf8");
  } catch {
    committed = "";
  }
  const matchesCommitted = committed === text;
  if (!check && !matchesCommitted) writeFileSync(path, text);
  return {
    path, written: !check && !matchesCommitted, matchesCommitted, counts: built.counts, validationAccuracy: Math.round(built.validationAccuracy * 10000) / 10000,
    temperature: built.model.temperature, features: Object.keys(built.model.weights).length, bytes: Buffer.byteLength(text), corpusSha256: built.model.training.corpusSha256,
    ms: Math.round(performance.now() - started),
  };
}
