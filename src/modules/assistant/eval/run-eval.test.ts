import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Understanding } from "../understanding/types";
import { formatEvaluationReport } from "./format-evaluation-report";
import { type EvalCase, loadEvalCases } from "./load-eval-cases";
import { runEvaluation } from "./run-eval";

// A fake understanding layer with fixed answers, so the arithmetic of the report can be checked by hand.
const answers: Record<string, Partial<Understanding>> = {
  "huele a gas": { intent: "emergency", emergency: "gas" },
  "sale agua": { intent: "other", emergency: null, possibleEmergency: "flood" },
  "cuánto sale la prueba": { intent: "emergency", emergency: "gas" },
  "cuánto sale la cloaca": { intent: "quote_request", entities: { serviceCodes: ["DESTAP-CLOACA"], serviceType: "DRAINAGE" } },
  "el martes": { intent: "schedule_request", entities: { when: { date: "2026-11-24", weekday: 2 } } },
};
const understand = (text: string): Understanding => ({
  intent: "other",
  confidence: 1,
  emergency: null,
  normalized: text,
  entities: {},
  signals: [],
  alternatives: [],
  possibleEmergency: null,
  ...answers[text],
});
const cases: EvalCase[] = [
  { text: "huele a gas", intent: "emergency", emergency: true, emergencyKind: "gas" },
  { text: "sale agua", intent: "emergency", emergency: true, emergencyKind: "flood" },
  { text: "cuánto sale la prueba", intent: "quote_request", emergency: false },
  { text: "cuánto sale la cloaca", intent: "quote_request", emergency: false, entities: { serviceCode: "DESTAP-CLOACA", serviceType: "PLUMBING" } },
  { text: "el martes", intent: "schedule_request", emergency: false, entities: { date: "2026-11-24" } },
];

describe("runEvaluation", () => {
  const report = runEvaluation(cases, { understand });

  it("scores intents overall and per intent", () => {
    expect(report).toMatchObject({ total: 5, correct: 3, intentAccuracy: 0.6 });
    expect(report.perIntent.emergency).toMatchObject({ support: 2, correct: 1, accuracy: 0.5, predicted: 2, precision: 0.5 });
    expect(report.perIntent.quote_request).toMatchObject({ support: 2, correct: 1 });
    expect(report.perIntent.greeting).toMatchObject({ support: 0, correct: 0 });
  });

  it("scores emergencies as a yes/no and their kind", () => {
    expect(report.emergency).toEqual({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
      // "sale agua" was not escalated but asked about: caught with the question.
      asked: 1,
      askedNonEmergencies: 0,
      recallWithQuestion: 1,
      kind: { support: 2, correct: 1, accuracy: 0.5 },
    });
  });

  it("scores entities only where labelled", () => {
    expect(report.entities.serviceCode).toEqual({ support: 1, correct: 1, accuracy: 1 });
    expect(report.entities.serviceType).toEqual({ support: 1, correct: 0, accuracy: 0 });
    expect(report.entities.date).toEqual({ support: 1, correct: 1, accuracy: 1 });
    expect(report.entities.time.support).toBe(0);
    expect(report.entityErrors).toEqual([{ text: "cuánto sale la cloaca", field: "serviceType", expected: "PLUMBING", predicted: "DRAINAGE" }]);
  });

  it("builds the confusion table and lists the misses", () => {
    expect(report.confusion.emergency.other).toBe(1);
    expect(report.confusion.quote_request.emergency).toBe(1);
    expect(report.misclassified.map((m) => [m.expected, m.predicted])).toEqual([["emergency", "other"], ["quote_request", "emergency"]]);
  });

  it("prints a readable table", () => {
    const text = formatEvaluationReport(report);
    expect(text).toContain("Intención: 60.0 % (3/5)");
    expect(text).toContain("recall 50.0 %");
    expect(text).toContain('emergency → other: "sale agua"');
    expect(text).toMatch(/^emergency\s+2\s+1\s+50\.0 %/m);
  });
});

describe("loadEvalCases", () => {
  const dir = mkdtempSync(join(tmpdir(), "campotech-eval-"));

  it("reads JSON Lines and JSON arrays", () => {
    const line = { text: "hola", intent: "greeting", emergency: false };
    writeFileSync(join(dir, "a.jsonl"), `${JSON.stringify(line)}\n\n${JSON.stringify(line)}\n`);
    writeFileSync(join(dir, "b.json"), JSON.stringify([line]));
    expect(loadEvalCases(join(dir, "a.jsonl"))).toHaveLength(2);
    expect(loadEvalCases(join(dir, "b.json"))).toEqual([line]);
  });

  it("says when the file does not exist", () => {
    expect(() => loadEvalCases(join(dir, "missing.jsonl"))).toThrow(/No existe el archivo/);
  });

  it("names the line of a bad case", () => {
    writeFileSync(join(dir, "c.jsonl"), `{"text":"hola","intent":"greeting","emergency":false}\n{"text":"x","intent":"saludo","emergency":false}\n`);
    expect(() => loadEvalCases(join(dir, "c.jsonl"))).toThrow(/línea 2/);
    writeFileSync(join(dir, "d.jsonl"), `{"text":"huele a gas","intent":"other","emergency":true}\n`);
    expect(() => loadEvalCases(join(dir, "d.jsonl"))).toThrow(/emergency must be true exactly/);
  });
});
