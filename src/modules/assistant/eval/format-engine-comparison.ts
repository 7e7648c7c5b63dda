import { INTENTS } from "../understanding/types";
import type { EvaluationReport } from "./run-eval";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

// Side by side, one column per understanding engine, on the same cases: the table the closing notes quote.
export function formatEngineComparison(runs: readonly { engine: string; report: EvaluationReport }[]): string {
  const width = 12;
  const row = (label: string, cell: (r: EvaluationReport) => string) =>
    `${label.padEnd(26)}${runs.map((run) => cell(run.report).padStart(width)).join("")}`;
  const lines = [`Comparación de motores (${runs[0]?.report.total ?? 0} mensajes)`, `${"".padEnd(26)}${runs.map((r) => r.engine.padStart(width)).join("")}`];
  lines.push(row("intención", (r) => pct(r.intentAccuracy)));
  for (const intent of INTENTS) lines.push(row(`  ${intent} (${runs[0]?.report.perIntent[intent].support ?? 0})`, (r) => pct(r.perIntent[intent].accuracy)));
  lines.push(row("emergencias: recall", (r) => `${pct(r.emergency.recall)}`));
  lines.push(row("emergencias: precisión", (r) => `${pct(r.emergency.precision)}`));
  lines.push(row("  falsas alarmas", (r) => String(r.emergency.falsePositives)));
  lines.push(row("  perdidas", (r) => String(r.emergency.falseNegatives)));
  lines.push(row("  recall con pregunta", (r) => pct(r.emergency.recallWithQuestion)));
  lines.push(row("  preguntas de más", (r) => String(r.emergency.askedNonEmergencies)));
  return lines.join("\n");
}
