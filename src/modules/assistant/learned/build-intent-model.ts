import { scoreFeatures, type IntentModel } from "./intent-model";
import { modelFeatures } from "./model-features";
import { DEFAULT_TRAINING, trainIntentModel, type TrainingOptions } from "./train-intent-model";
import { labelOf, loadCorpus, type CorpusCase } from "./training-corpus";

export type BuildResult = { model: IntentModel; counts: { train: number; validation: number; test: number }; validationAccuracy: number };

// The whole training recipe in one call: corpus → train split → weights, then the temperature that makes the
// validation split's probabilities honest (lowest log-loss), so "0.4 sure" means wrong about 6 times in 10.
export function buildIntentModel(options: TrainingOptions = DEFAULT_TRAINING, files?: string[]): BuildResult {
  const { cases, sha256 } = loadCorpus(files);
  const of = (split: CorpusCase["split"]) => cases.filter((c) => c.split === split);
  const train = of("train");
  const validation = of("validation");
  const examples = train.map((c) => ({ features: modelFeatures(c.text, c.awaiting), label: labelOf(c) }));
  const trained = trainIntentModel(examples, options);
  const { vocabulary, ...weights } = trained;
  const draft: IntentModel = {
    ...weights,
    temperature: 1,
    training: { examples: examples.length, features: vocabulary, epochs: options.epochs, learningRate: options.learningRate, l2: options.l2, minCount: options.minCount, seed: options.seed, corpusSha256: sha256 },
  };
  const val = validation.map((c) => ({ features: modelFeatures(c.text, c.awaiting), label: draft.classes.indexOf(labelOf(c)) }));
  const temperature = calibrate(draft, val);
  const model = { ...draft, temperature };
  const correct = val.filter((v) => argmax(scoreFeatures(model, v.features).probabilities) === v.label).length;
  return { model, counts: { train: train.length, validation: validation.length, test: of("test").length }, validationAccuracy: val.length ? correct / val.length : 0 };
}

function calibrate(model: IntentModel, val: { features: string[]; label: number }[]): number {
  if (!val.length) return 1;
  let best = { t: 1, loss: Infinity };
  for (let step = 0; step <= 70; step++) {
    const t = Math.round((0.5 + step * 0.05) * 100) / 100;
    const candidate = { ...model, temperature: t };
    const loss = val.reduce((sum, v) => sum - Math.log(Math.max(1e-12, scoreFeatures(candidate, v.features).probabilities[v.label]!)), 0);
    if (loss < best.loss - 1e-12) best = { t, loss };
  }
  return best.t;
}

const argmax = (p: number[]) => p.reduce((best, x, i) => (x > p[best]! ? i : best), 0);

// Stable serialization for the committed file: one feature per line so diffs stay readable.
export function serializeIntentModel(model: IntentModel): string {
  const { weights, ...head } = model;
  const lines = Object.keys(weights).sort().map((f) => `    ${JSON.stringify(f)}: [${weights[f]!.join(",")}]`);
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  return `${headJson},\n  "weights": {\n${lines.join(",\n")}\n  }\n}\n`;
}
