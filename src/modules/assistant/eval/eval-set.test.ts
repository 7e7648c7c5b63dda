import { describe, expect, it } from "vitest";
import { EMERGENCY_KINDS, INTENTS } from "../understanding/types";
import { EVAL_BLIND_PATHS, EVAL_HOLDOUT_PATH, EVAL_MESSAGES_PATH } from "./eval-paths";
import { formatEvaluationReport } from "./format-evaluation-report";
import { loadEvalCases } from "./load-eval-cases";
import { EVAL_TARGETS, runEvaluation } from "./run-eval";

const cases = loadEvalCases(EVAL_MESSAGES_PATH);
const holdout = loadEvalCases(EVAL_HOLDOUT_PATH);

// The first evaluation loads the learned model (a 1.9 MB weight file) and scores ~400 messages: a few seconds alone,
// well over vitest's 5 s default when CI runs every project in parallel on two cores. A harness limit, not a speed bar.
describe("assistant evaluation set", { timeout: 60_000 }, () => {
  it("is big and varied enough to mean something", () => {
    expect(cases.length).toBeGreaterThanOrEqual(320);
    for (const intent of INTENTS) expect(cases.filter((c) => c.intent === intent).length, intent).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.emergency).length).toBeGreaterThanOrEqual(60);
    for (const kind of EMERGENCY_KINDS) expect(cases.filter((c) => c.emergencyKind === kind).length, kind).toBeGreaterThanOrEqual(8);
    expect(cases.filter((c) => c.tags?.includes("hard_negative")).length).toBeGreaterThanOrEqual(30);
    // The same words may appear twice only in different contexts ("sí" after slots were offered, and without).
    expect(new Set(cases.map((c) => `${c.text.toLowerCase()}|${c.context?.awaitingSlotChoice ?? false}`)).size).toBe(cases.length);
  });

  it("meets the targets: intent accuracy, emergency recall and precision", () => {
    const report = runEvaluation(cases);
    const detail = formatEvaluationReport(report);
    expect(report.intentAccuracy, detail).toBeGreaterThanOrEqual(EVAL_TARGETS.intentAccuracy);
    expect(report.emergency.recall, detail).toBe(EVAL_TARGETS.emergencyRecall);
    expect(report.emergency.precision, detail).toBeGreaterThanOrEqual(EVAL_TARGETS.emergencyPrecision);
  });

  // Held-out runs (LABELS.md): untuned v1–v5 scored 84.8 / 76.1 / 67.4 / 79.2 / 86.8 %; the blind v6 and v7
  // (written by someone who never saw the rules) 82.9 % each. Emergency recall on held-out wordings is not 100 %
  // (v7: 17/18), which is why only the dev set gates recall and the engine asks "¿es una urgencia?" as a backstop.
  // The bar sits just under the measured blind score: it catches regressions, it does not claim more.
  it("holds up on held-out messages never used for tuning (softer bar)", () => {
    expect(holdout.length).toBeGreaterThanOrEqual(40);
    const key = (c: (typeof cases)[number]) => `${c.text.toLowerCase()}|${c.context?.awaitingSlotChoice ?? false}`;
    const seen = new Set(cases.map(key));
    expect(holdout.filter((c) => seen.has(key(c)))).toEqual([]);
    const report = runEvaluation(holdout);
    expect(report.intentAccuracy, formatEvaluationReport(report)).toBeGreaterThanOrEqual(0.8);
  });

  // Blind sets written after the model was frozen, scored once (LABELS.md): v12 and v13 98.1 % intent each, every
  // intent at or above 92 %, 30/30 emergencies each with no false alarm. The bars sit under the measured figures: they catch regressions, they claim nothing more.
  for (const path of EVAL_BLIND_PATHS) {
    it(`holds up on the blind set ${path.split("/").pop()}`, () => {
      const blind = loadEvalCases(path);
      expect(blind.length).toBeGreaterThanOrEqual(150);
      const report = runEvaluation(blind);
      const detail = formatEvaluationReport(report);
      expect(report.intentAccuracy, detail).toBeGreaterThanOrEqual(0.92);
      expect(report.emergency.recallWithQuestion, detail).toBe(1);
      expect(report.emergency.precision, detail).toBeGreaterThanOrEqual(0.9);
    });
  }
});
