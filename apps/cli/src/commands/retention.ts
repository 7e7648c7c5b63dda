import { runRetention, RETENTION_KINDS, type RetentionReport } from "@campotech/core/modules/retention";
import { optional, type Command } from "../command";

const KIND_NAMES = {
  messages: "mensajes (texto y adjuntos)",
  mediaFiles: "archivos de adjuntos",
  conversations: "conversaciones inactivas",
  statusEvents: "estados de entrega",
  parkedStatuses: "estados en espera",
  assistantRuns: "detalles del asistente",
  positions: "posiciones de técnicos",
} as const;

function human(r: RetentionReport): string {
  const verb = r.dryRun ? "Se eliminarían" : "Se eliminaron";
  const lines = [`${r.dryRun ? "Simulación (no se cambió nada)" : "Retención aplicada"} — ${r.organizations.length} ${r.organizations.length === 1 ? "organización" : "organizaciones"}`];
  for (const o of r.organizations) {
    const parts = RETENTION_KINDS.filter((k) => o.counts[k] > 0).map((k) => `${o.counts[k]} ${KIND_NAMES[k]}`);
    lines.push(`  ${o.name} (${o.organizationId}, mensajes ${o.messageDays} días): ${parts.length ? parts.join(", ") : "nada"}`);
  }
  const total = RETENTION_KINDS.map((k) => `${r.totals[k]} ${KIND_NAMES[k]}`).join(", ");
  lines.push(`${verb} en total: ${total}; ${r.platform.unroutedNumbers} números sin dueño.`);
  return lines.join("\n");
}

export const retentionCommands: Command[] = [
  {
    path: ["retention", "run"],
    summary: "Aplica la retención de datos (mensajes, conversaciones inactivas, logs, recorridos); --dry-run solo cuenta",
    usage: "campotech retention run [--dry-run] [--org <id>] [--json]",
    options: { "dry-run": { type: "boolean" }, org: { type: "string" } },
    async run(values) {
      const org = optional(values, "org");
      return runRetention({ dryRun: values["dry-run"] === true, trigger: "cli", ...(org ? { organizationId: org } : {}) });
    },
    human,
  },
];
