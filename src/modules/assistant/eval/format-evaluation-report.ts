import { INTENTS } from "../understanding/types";
import type { EvaluationReport } from "./run-eval";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
// Column headers of the confusion table: short enough for an 80-column terminal.
const SHORT: Record<string, string> = {
  greeting: "greet", emergency: "emerg", quote_request: "quote", schedule_request: "sched", reschedule: "resch",
  cancel: "cancel", job_status: "status", complaint: "compl", human_handoff: "human", confirmation: "confirm", other: "other",
};

// The evaluation report as plain text for the terminal (operators read it; headings in Spanish).
export function formatEvaluationReport(report: EvaluationReport): string {
  const lines: string[] = [];
  lines.push(`Evaluación del asistente: ${report.total} mensajes`);
  lines.push(`Intención: ${pct(report.intentAccuracy)} (${report.correct}/${report.total})`);
  lines.push("");
  lines.push(`${"intención".padEnd(18)}${"casos".padStart(7)}${"bien".padStart(7)}${"exactitud".padStart(11)}${"precisión".padStart(11)}`);
  for (const intent of INTENTS) {
    const t = report.perIntent[intent];
    lines.push(`${intent.padEnd(18)}${String(t.support).padStart(7)}${String(t.correct).padStart(7)}${pct(t.accuracy).padStart(11)}${pct(t.precision).padStart(11)}`);
  }
  const e = report.emergency;
  lines.push("");
  lines.push(`Emergencias: precisión ${pct(e.precision)}, recall ${pct(e.recall)} (VP ${e.truePositives}, FP ${e.falsePositives}, FN ${e.falseNegatives}); tipo correcto ${e.kind.correct}/${e.kind.support}`);
  lines.push(`  con la pregunta "¿Es una urgencia?": recall ${pct(e.recallWithQuestion)} (preguntadas ${e.asked} emergencias y ${e.askedNonEmergencies} que no lo eran)`);
  lines.push(
    `Entidades: ${Object.entries(report.entities)
      .filter(([, t]) => t.support > 0)
      .map(([field, t]) => `${field} ${pct(t.accuracy)} (${t.correct}/${t.support})`)
      .join(", ")}`,
  );
  lines.push("");
  lines.push("Confusión (fila = real, columna = predicha):");
  lines.push(`${"".padEnd(18)}${INTENTS.map((i) => SHORT[i]!.padStart(8)).join("")}`);
  for (const expected of INTENTS) {
    const row = INTENTS.map((p) => {
      const n = report.confusion[expected][p];
      return (n === 0 ? "." : String(n)).padStart(8);
    });
    lines.push(`${expected.padEnd(18)}${row.join("")}`);
  }
  if (report.misclassified.length) {
    lines.push("");
    lines.push(`Mal clasificados (${report.misclassified.length}):`);
    for (const m of report.misclassified) {
      lines.push(`  ${m.expected} → ${m.predicted}: "${m.text}"${m.signals.length ? ` [${m.signals.join(", ")}]` : ""}`);
    }
  }
  if (report.entityErrors.length) {
    lines.push("");
    lines.push(`Entidades erradas (${report.entityErrors.length}):`);
    for (const m of report.entityErrors) lines.push(`  ${m.field}: esperado ${m.expected}, obtenido ${m.predicted ?? "nada"}: "${m.text}"`);
  }
  return lines.join("\n");
}
