import { verifyAuditChain, type AuditChainReport } from "@campotech/core/modules/audit";
import { AppError } from "@campotech/core/lib/errors";
import { optional, type Command } from "../command";

type Result = { ok: boolean; organizations: AuditChainReport[] };

const REASONS = {
  content_changed: "el contenido fue modificado",
  previous_row_missing: "falta la fila anterior (borrada o reordenada)",
  unchained_row: "la fila no tiene hash",
} as const;

export const auditCommands: Command[] = [
  {
    path: ["audit", "verify"],
    summary: "Verifica la cadena de hashes del registro de auditoría y nombra la primera fila rota",
    usage: "campotech audit verify [--org <id>] [--json]",
    options: { org: { type: "string" } },
    async run(values) {
      const org = optional(values, "org");
      const result = await verifyAuditChain(org ? { organizationId: org } : {});
      // A broken chain is a failure for scripts too: exit 1 naming the first broken row (fields with --json).
      const broken = result.organizations.find((o) => !o.ok);
      if (broken?.firstBroken) {
        const b = broken.firstBroken;
        throw new AppError("AUDIT_CHAIN_BROKEN", {
          message: `Cadena de auditoría rota en ${broken.organizationId}, posición ${b.position} (fila ${b.id}): ${REASONS[b.reason]}.`,
          fields: { organizationId: broken.organizationId, id: b.id, position: String(b.position), reason: b.reason, expectedHash: b.expectedHash, storedHash: b.storedHash ?? "" },
        });
      }
      return result;
    },
    human: (r: Result) =>
      r.organizations.length === 0
        ? "No hay organizaciones."
        : r.organizations
            .map((o) => {
              const legacy = o.legacyRows ? ` (+${o.legacyRows} anteriores a la cadena)` : "";
              if (o.ok) return `${o.organizationId}: OK, ${o.rows} filas${legacy}`;
              const b = o.firstBroken!;
              return `${o.organizationId}: ROTA en la posición ${b.position}, fila ${b.id}: ${REASONS[b.reason]}\n  hash esperado ${b.expectedHash}\n  hash guardado ${b.storedHash ?? "(ninguno)"}`;
            })
            .join("\n"),
  },
];
