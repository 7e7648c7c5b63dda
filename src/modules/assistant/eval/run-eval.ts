import { understandMessage, type UnderstandOptions } from "../understanding/understand-message";
import { INTENTS, type Intent, type OfferedSlot, type PriceListEntry, type Understanding } from "../understanding/types";
import { EVAL_PRICE_LIST } from "./eval-price-list";
import type { EvalCase } from "./load-eval-cases";

// What the CLI and the eval test gate on.
export const EVAL_TARGETS = { intentAccuracy: 0.95, emergencyRecall: 1, emergencyPrecision: 0.95 } as const;

// Cases without `now` are read on Wednesday 18/11/2026 10:00 in Buenos Aires; cases waiting for a slot choice
// without their own `offeredSlots` were offered these three (eval/LABELS.md).
export const EVAL_DEFAULT_NOW = new Date("2026-11-18T10:00:00-03:00");
export const EVAL_DEFAULT_SLOTS: OfferedSlot[] = [
  { start: new Date("2026-11-19T09:00:00-03:00"), end: new Date("2026-11-19T11:00:00-03:00") },
  { start: new Date("2026-11-19T15:00:00-03:00"), end: new Date("2026-11-19T17:00:00-03:00") },
  { start: new Date("2026-11-20T10:00:00-03:00"), end: new Date("2026-11-20T12:00:00-03:00") },
];

export type EvalDeps = {
  understand?: (text: string, options: UnderstandOptions) => Understanding;
  priceList?: readonly PriceListEntry[];
  now?: Date;
  offeredSlots?: OfferedSlot[];
  timeZone?: string;
};

const ENTITY_FIELDS = ["serviceCode", "serviceType", "date", "weekday", "dayPart", "time", "slotChoice"] as const;
type EntityField = (typeof ENTITY_FIELDS)[number];
type Tally = { support: number; correct: number; accuracy: number };

export type EvalMiss = {
  text: string;
  expected: Intent;
  predicted: Intent;
  expectedEmergency: string | null;
  predictedEmergency: string | null;
  signals: string[];
};
export type EntityMiss = { text: string; field: EntityField; expected: string | number; predicted: string | number | null };

export type EvaluationReport = {
  total: number;
  correct: number;
  intentAccuracy: number;
  perIntent: Record<Intent, Tally & { predicted: number; precision: number }>;
  emergency: {
    truePositives: number;
    falsePositives: number;
    falseNegatives: number;
    precision: number;
    recall: number;
    // Emergencies the assistant did not escalate but asked "¿Es una urgencia?" about, and non-emergencies it asked
    // about: recall counting a question as caught is what a customer in danger experiences.
    asked: number;
    askedNonEmergencies: number;
    recallWithQuestion: number;
    kind: Tally;
  };
  entities: Record<EntityField, Tally>;
  // confusion[expected][predicted] = number of cases.
  confusion: Record<Intent, Record<Intent, number>>;
  misclassified: EvalMiss[];
  entityErrors: EntityMiss[];
};

const ratio = (part: number, whole: number, empty = 1) => (whole === 0 ? empty : Math.round((part / whole) * 10_000) / 10_000);

// Runs every case through understandMessage and scores it: intent accuracy overall and per intent, emergency
// precision/recall (any kind counts as an emergency) and kind accuracy, entity accuracy where the case labels the
// entity, the confusion table and the misses. Deterministic: the clock and the slots come from the cases.
export function runEvaluation(cases: readonly EvalCase[], deps: EvalDeps = {}): EvaluationReport {
  const understand = deps.understand ?? understandMessage;
  const priceList = deps.priceList ?? EVAL_PRICE_LIST;
  const blank = () => Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
  const confusion = Object.fromEntries(INTENTS.map((i) => [i, blank()])) as Record<Intent, Record<Intent, number>>;
  const entityCounts = Object.fromEntries(ENTITY_FIELDS.map((f) => [f, { support: 0, correct: 0 }])) as Record<EntityField, { support: number; correct: number }>;
  const misclassified: EvalMiss[] = [];
  const entityErrors: EntityMiss[] = [];
  let tp = 0, fp = 0, fn = 0, asked = 0, askedOthers = 0, kindSupport = 0, kindCorrect = 0;

  for (const c of cases) {
    const slots = c.context?.awaitingSlotChoice
      ? (c.offeredSlots?.map((s) => ({ start: new Date(s.start), end: new Date(s.end) })) ?? deps.offeredSlots ?? EVAL_DEFAULT_SLOTS)
      : undefined;
    const got = understand(c.text, {
      now: c.now ? new Date(c.now) : (deps.now ?? EVAL_DEFAULT_NOW),
      priceList,
      ...(slots ? { offeredSlots: slots } : {}),
      ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
    });
    confusion[c.intent][got.intent]++;
    if (got.intent !== c.intent) {
      misclassified.push({ text: c.text, expected: c.intent, predicted: got.intent, expectedEmergency: c.emergencyKind ?? (c.emergency ? "?" : null), predictedEmergency: got.emergency, signals: got.signals });
    }
    const flagged = got.emergency !== null;
    if (c.emergency && flagged) tp++;
    if (!c.emergency && flagged) fp++;
    if (c.emergency && !flagged) fn++;
    if (!flagged && got.possibleEmergency) {
      if (c.emergency) asked++;
      else askedOthers++;
    }
    if (c.emergency && c.emergencyKind) {
      kindSupport++;
      if (got.emergency === c.emergencyKind) kindCorrect++;
    }

    const predicted: Record<EntityField, string | number | null> = {
      serviceCode: got.entities.serviceCodes?.[0] ?? null,
      serviceType: got.entities.serviceType ?? null,
      date: got.entities.when?.date ?? null,
      weekday: got.entities.when?.weekday ?? null,
      dayPart: got.entities.when?.dayPart ?? null,
      time: got.entities.when?.time ?? null,
      slotChoice: got.entities.slotChoice ?? null,
    };
    for (const field of ENTITY_FIELDS) {
      const expected = c.entities?.[field];
      if (expected === undefined) continue;
      entityCounts[field].support++;
      if (predicted[field] === expected) entityCounts[field].correct++;
      else entityErrors.push({ text: c.text, field, expected, predicted: predicted[field] });
    }
  }

  const correct = INTENTS.reduce((sum, i) => sum + confusion[i][i], 0);
  const perIntent = Object.fromEntries(
    INTENTS.map((intent) => {
      const support = INTENTS.reduce((sum, p) => sum + confusion[intent][p], 0);
      const predicted = INTENTS.reduce((sum, e) => sum + confusion[e][intent], 0);
      const hit = confusion[intent][intent];
      return [intent, { support, correct: hit, accuracy: ratio(hit, support), predicted, precision: ratio(hit, predicted) }];
    }),
  ) as EvaluationReport["perIntent"];
  const entities = Object.fromEntries(
    ENTITY_FIELDS.map((f) => [f, { ...entityCounts[f], accuracy: ratio(entityCounts[f].correct, entityCounts[f].support) }]),
  ) as Record<EntityField, Tally>;

  return {
    total: cases.length,
    correct,
    intentAccuracy: ratio(correct, cases.length, 0),
    perIntent,
    emergency: {
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      asked,
      askedNonEmergencies: askedOthers,
      recallWithQuestion: ratio(tp + asked, tp + fn),
      kind: { support: kindSupport, correct: kindCorrect, accuracy: ratio(kindCorrect, kindSupport) },
    },
    entities,
    confusion,
    misclassified,
    entityErrors,
  };
}
