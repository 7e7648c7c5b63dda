import { resolve } from "node:path";
import {
  EVAL_MESSAGES_PATH,
  EVAL_TARGETS,
  formatEngineComparison,
  formatEvaluationReport,
  loadEvalCases,
  runEvaluation,
  type EvalCase,
  type EvaluationReport,
} from "@campotech/core/modules/assistant/eval";
import { loadCorpus, trainAndWrite, type Split, type TrainSummary } from "@campotech/core/modules/assistant/learned";
import { understandMessage, UNDERSTANDING_ENGINES, type UnderstandingEngine } from "@campotech/core/modules/assistant/understanding";
import { AppError } from "@campotech/core/lib/errors";
import { optional, UsageError, type Command } from "../command";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const SPLITS = ["train", "validation", "test"] as const;

type EvalResult = { file: string; runs: { engine: UnderstandingEngine; report: EvaluationReport }[] };

export const assistantCommands: Command[] = [
  {
    path: ["assistant", "eval"],
    summary: "Evalúa la comprensión de mensajes del asistente (intención, emergencias, entidades) sobre el set etiquetado",
    usage: "campotech assistant eval [--file <ruta.jsonl> | --split train|validation|test] [--model rules|learned|combined|all] [--json]",
    options: { file: { type: "string" }, split: { type: "string" }, model: { type: "string" } },
    async run(values): Promise<EvalResult> {
      const engines = parseEngines(optional(values, "model") ?? "combined");
      const { cases, file } = evalCases(optional(values, "file"), optional(values, "split"));
      const runs = engines.map((engine) => ({
        engine,
        report: runEvaluation(cases, { understand: (text, options) => understandMessage(text, { ...options, engine }) }),
      }));
      // Scripts gate on the exit code: the engine the assistant runs (combined, or the one asked for) below target is
      // exit 1. The full report still goes out (to stderr, so stdout stays one JSON document with --json) first.
      const gated = runs.find((r) => r.engine === "combined") ?? runs[runs.length - 1]!;
      const report = gated.report;
      const short = [
        report.intentAccuracy < EVAL_TARGETS.intentAccuracy ? `exactitud de intención ${pct(report.intentAccuracy)} < ${pct(EVAL_TARGETS.intentAccuracy)}` : null,
        report.emergency.recall < EVAL_TARGETS.emergencyRecall ? `recall de emergencias ${pct(report.emergency.recall)} < ${pct(EVAL_TARGETS.emergencyRecall)}` : null,
      ].filter((reason) => reason !== null);
      const result = { file, runs };
      if (short.length) {
        console.error(values.json ? JSON.stringify(result, null, 2) : formatEval(result));
        throw new AppError("VALIDATION_FAILED", {
          message: `La evaluación del asistente (${gated.engine}) no alcanza el objetivo: ${short.join("; ")}.`,
          fields: {
            intentAccuracy: String(report.intentAccuracy),
            emergencyRecall: String(report.emergency.recall),
            emergencyPrecision: String(report.emergency.precision),
            misclassified: String(report.misclassified.length),
          },
        });
      }
      return result;
    },
    human: (r: EvalResult) => formatEval(r),
  },
  {
    path: ["assistant", "train"],
    summary: "Reentrena el modelo de intenciones desde el corpus etiquetado (con --check solo verifica que los pesos guardados sean los que produce)",
    usage: "campotech assistant train [--check] [--json]",
    options: { check: { type: "boolean" } },
    async run(values) {
      const summary = trainAndWrite({ check: values.check === true });
      if (values.check === true && !summary.matchesCommitted) {
        throw new AppError("VALIDATION_FAILED", {
          message: `Los pesos guardados (${summary.path}) no son los que produce el entrenamiento: corré "campotech assistant train" y commiteá el resultado.`,
        });
      }
      return summary;
    },
    human: (s: TrainSummary) =>
      [
        s.written ? `Modelo reentrenado y guardado en ${s.path}.` : s.matchesCommitted ? `Los pesos guardados coinciden con el entrenamiento (${s.path}).` : `Pesos distintos a los guardados (${s.path}).`,
        `Corpus: ${s.counts.train} de entrenamiento, ${s.counts.validation} de validación, ${s.counts.test} de prueba (sha256 ${s.corpusSha256.slice(0, 12)}).`,
        `Validación: ${pct(s.validationAccuracy)}; temperatura ${s.temperature}; ${s.features} rasgos; ${Math.round(s.bytes / 1024)} KiB; ${s.ms} ms.`,
      ].join("\n"),
  },
];

function parseEngines(raw: string): UnderstandingEngine[] {
  if (raw === "all") return [...UNDERSTANDING_ENGINES];
  const engines = raw.split(",").map((e) => e.trim());
  const bad = engines.find((e) => !(UNDERSTANDING_ENGINES as readonly string[]).includes(e));
  if (bad) throw new UsageError(`--model acepta rules, learned, combined o all (o varios separados por coma), no "${bad}"`);
  return engines as UnderstandingEngine[];
}

function evalCases(file: string | undefined, split: string | undefined): { cases: EvalCase[]; file: string } {
  if (file && split) throw new UsageError("usá --file o --split, no los dos");
  if (split) {
    if (!(SPLITS as readonly string[]).includes(split)) throw new UsageError(`--split acepta train, validation o test, no "${split}"`);
    return { cases: loadCorpus().cases.filter((c) => c.split === (split as Split)), file: `corpus (${split})` };
  }
  const path = file ? resolve(file) : EVAL_MESSAGES_PATH;
  return { cases: loadEvalCases(path), file: path };
}

function formatEval(result: EvalResult): string {
  if (result.runs.length === 1) return formatEvaluationReport(result.runs[0]!.report);
  const parts = result.runs.map((r) => `=== ${r.engine} ===\n${formatEvaluationReport({ ...r.report, misclassified: [], entityErrors: [] })}`);
  return [...parts, formatEngineComparison(result.runs)].join("\n\n");
}
