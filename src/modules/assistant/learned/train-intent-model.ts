import { MODEL_CLASSES, softmax, type IntentModel } from "./intent-model";

export type TrainingExample = { features: readonly string[]; label: string };
export type TrainingOptions = { epochs: number; learningRate: number; l2: number; minCount: number; seed: number; scale: number };

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 18, learningRate: 0.3, l2: 1e-6, minCount: 2, seed: 20261202, scale: 1000 };

// Multinomial logistic regression by per-example AdaGrad, deterministic: the vocabulary is sorted, the example order
// of each epoch comes from a seeded generator, and the result is rounded to integers. The same corpus and options
// give byte-identical weights on any machine (the check in `campotech assistant train --check`).
export function trainIntentModel(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): Omit<IntentModel, "temperature" | "training"> & { vocabulary: number } {
  const classes = [...MODEL_CLASSES] as string[];
  const k = classes.length;
  const classIndex = new Map(classes.map((c, i) => [c, i]));

  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts.entries()].filter(([, n]) => n >= options.minCount).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));

  const rows = examples.map((ex) => {
    const label = classIndex.get(ex.label);
    if (label === undefined) throw new Error(`Unknown class ${ex.label}`);
    const known = ex.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined);
    return { known, value: ex.features.length ? 1 / Math.sqrt(ex.features.length) : 0, label };
  });

  const w = new Float64Array(vocabulary.length * k);
  const gw = new Float64Array(vocabulary.length * k);
  const b = new Float64Array(k);
  const gb = new Float64Array(k);
  const random = mulberry32(options.seed);
  const order = rows.map((_, i) => i);
  const grad = new Float64Array(k);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const row = rows[i]!;
      const z = Array.from(b);
      for (const j of row.known) for (let c = 0; c < k; c++) z[c]! += w[j * k + c]! * row.value;
      const p = softmax(z);
      for (let c = 0; c < k; c++) grad[c] = p[c]! - (c === row.label ? 1 : 0);
      for (let c = 0; c < k; c++) {
        gb[c]! += grad[c]! * grad[c]!;
        b[c]! -= (options.learningRate * grad[c]!) / Math.sqrt(gb[c]! + 1e-8);
      }
      for (const j of row.known) {
        for (let c = 0; c < k; c++) {
          const at = j * k + c;
          const g = grad[c]! * row.value + options.l2 * w[at]!;
          gw[at]! += g * g;
          w[at]! -= (options.learningRate * g) / Math.sqrt(gw[at]! + 1e-8);
        }
      }
    }
  }

  const weights: Record<string, number[]> = {};
  for (let j = 0; j < vocabulary.length; j++) {
    const row = Array.from({ length: k }, (_, c) => Math.round(w[j * k + c]! * options.scale));
    // A feature whose weights all round to zero carries nothing: leaving it out keeps the committed file small.
    if (row.some((x) => x !== 0)) weights[vocabulary[j]!] = row;
  }
  return { version: 1, classes, scale: options.scale, bias: Array.from(b, (x) => Math.round(x * options.scale)), weights, vocabulary: vocabulary.length };
}

// Small, fast, seedable PRNG (public-domain mulberry32): Math.random cannot be seeded.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
