import { resolve } from "node:path";
import {
  EVAL_MESSAGES_PATH,
  EVAL_TARGETS,
  formatEvaluationReport,
  loadEvalCases,
  runEvaluation,
  type EvaluationReport,
} from "@campotech/core/modules/assistant/eval";
import { AppError } from "@campotech/core/lib/errors";
import { optional, type Command } from "../command";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export const assistantCommands: Command[] = [
  {
    path: ["assistant", "eval"],
    summary: "Evalúa la comprensión de mensajes del asistente (intención, emergencias, entidades) sobre el set etiquetado",
    usage: "campotech assistant eval [--file <ruta.jsonl>] [--json]",
    options: { file: { type: "string" } },
    async run(values) {
      const file = optional(values, "file");
      const report = runEvaluation(loadEvalCases(file ? resolve(file) : EVAL_MESSAGES_PATH));
      // Scripts gate on the exit code: below target is exit 1. The full report still goes out (to stderr, so that
      // stdout stays a single JSON document with --json) before the error names what fell short.
      const short = [
        report.intentAccuracy < EVAL_TARGETS.intentAccuracy ? `exactitud de intención ${pct(report.intentAccuracy)} < ${pct(EVAL_TARGETS.intentAccuracy)}` : null,
        report.emergency.recall < EVAL_TARGETS.emergencyRecall ? `recall de emergencias ${pct(report.emergency.recall)} < ${pct(EVAL_TARGETS.emergencyRecall)}` : null,
      ].filter((reason) => reason !== null);
      if (short.length) {
        console.error(values.json ? JSON.stringify(report, null, 2) : formatEvaluationReport(report));
        throw new AppError("VALIDATION_FAILED", {
          message: `La evaluación del asistente no alcanza el objetivo: ${short.join("; ")}.`,
          fields: {
            intentAccuracy: String(report.intentAccuracy),
            emergencyRecall: String(report.emergency.recall),
            emergencyPrecision: String(report.emergency.precision),
            misclassified: String(report.misclassified.length),
          },
        });
      }
      return report;
    },
    human: (r: EvaluationReport) => formatEvaluationReport(r),
  },
];
