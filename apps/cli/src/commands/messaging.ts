import { listDeadLetters, listPanicModes, replayDeadLetters, resolvePanic } from "@campotech/core/modules/messaging";
import { optional, required, UsageError, type Command } from "../command";

type DeadLetterRow = { messageId: string; recipient: string; attempts: number; deadLetterReason: string | null; deadLetteredAt: Date | null };
type PanicRow = { id: string; integration: string; status: string; reason: string; triggeredAt: Date; autoResolveAt: Date | null; resolvedAt: Date | null };

export const messagingCommands: Command[] = [
  {
    path: ["dead-letters", "list"],
    summary: "Mensajes que agotaron los reintentos",
    usage: "campotech dead-letters list --org <id> [--limit 50]",
    options: { org: { type: "string" }, limit: { type: "string" } },
    run: (values) =>
      listDeadLetters({ organizationId: required(values, "org"), ...(optional(values, "limit") ? { limit: Number(optional(values, "limit")) } : {}) }),
    human: (rows: DeadLetterRow[]) =>
      rows.length
        ? rows.map((r) => `${r.messageId}  ${r.recipient}  intentos=${r.attempts}  ${r.deadLetterReason ?? ""}  ${r.deadLetteredAt?.toISOString() ?? ""}`).join("\n")
        : "No hay mensajes fallidos.",
  },
  {
    path: ["dead-letters", "replay"],
    summary: "Reenvía un mensaje fallido (o todos los de la organización); cada uno se envía una sola vez",
    usage: "campotech dead-letters replay --org <id> (--message <id> | --all)",
    options: { org: { type: "string" }, message: { type: "string" }, all: { type: "boolean" } },
    async run(values) {
      const messageId = optional(values, "message");
      if (!messageId && values.all !== true) throw new UsageError("indicá --message <id> o --all");
      return replayDeadLetters({ organizationId: required(values, "org"), ...(messageId ? { messageId } : {}) });
    },
    human: (r: { replayed: string[] }) => (r.replayed.length ? `Reenviados: ${r.replayed.length} (${r.replayed.join(", ")}).` : "No había mensajes para reenviar."),
  },
  {
    path: ["panic", "list"],
    summary: "Modo pánico de una organización (activos, o todos con --all)",
    usage: "campotech panic list --org <id> [--all]",
    options: { org: { type: "string" }, all: { type: "boolean" } },
    run: (values) => listPanicModes({ organizationId: required(values, "org"), includeResolved: values.all === true }),
    human: (rows: PanicRow[]) =>
      rows.length
        ? rows.map((p) => `${p.id}  ${p.integration}  ${p.status}  ${p.reason}  desde ${p.triggeredAt.toISOString()}${p.resolvedAt ? `  resuelto ${p.resolvedAt.toISOString()}` : ""}`).join("\n")
        : "No hay modo pánico activo.",
  },
  {
    path: ["panic", "resolve"],
    summary: "Resuelve un modo pánico a mano: los mensajes retenidos salen después",
    usage: "campotech panic resolve --org <id> (--id <panicId> | --integration whatsapp:<accountId>) [--note <texto>]",
    options: { org: { type: "string" }, id: { type: "string" }, integration: { type: "string" }, note: { type: "string" } },
    async run(values) {
      const panicId = optional(values, "id");
      const integration = optional(values, "integration");
      if (!panicId && !integration) throw new UsageError("indicá --id o --integration");
      return resolvePanic({
        organizationId: required(values, "org"),
        resolvedBy: "operator",
        resolution: optional(values, "note") ?? "resuelto por un operador",
        ...(panicId ? { panicId } : {}),
        ...(integration ? { integration } : {}),
      });
    },
    human: (r: { panicId: string; released: number }) => `Modo pánico ${r.panicId} resuelto; mensajes liberados: ${r.released}.`,
  },
];
