import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { closeSharedRedis } from "@campotech/core/lib/redis";
import { listOpenInboundDeadLettersAsOperator, replayInboundDeadLetters, type ReplayResult } from "@campotech/core/modules/inbound";
import { listRejectedWebhooks, type RejectedWebhook } from "@campotech/core/modules/webhooks";
import { runFollowUps } from "@campotech/core/workers";
import { optional, UsageError, type Command } from "../command";

type InboundDeadLetterRow = { id: string; organizationId: string; provider: string; kind: string; itemKey: string; attempts: number; error: string; createdAt: Date };

const preview = (body: string) => (body.length > 120 ? `${body.slice(0, 120)}…` : body).replace(/\s+/g, " ");

export const webhookCommands: Command[] = [
  {
    path: ["webhooks", "rejected"],
    summary: "Lista los webhooks con firma válida pero cuerpo ilegible (guardados para revisar)",
    usage: "campotech webhooks rejected [--limit <n>] [--json]",
    options: { limit: { type: "string" } },
    async run(values) {
      const limit = Number(optional(values, "limit") ?? "20");
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError("--limit va de 1 a 1000");
      try {
        return await listRejectedWebhooks({ limit });
      } finally {
        await closeSharedRedis();
      }
    },
    human: (rows: RejectedWebhook[]) =>
      rows.length
        ? rows
            .map((r) => `${r.receivedAt}  ${r.provider}  ${r.path}  ${r.reason}  (${Buffer.byteLength(r.rawBody)} bytes)\n    ${preview(r.rawBody)}`)
            .join("\n")
        : "No hay webhooks rechazados.",
  },
  // issue 22 (poison): inbound items that could not be stored after their delivery's retries.
  {
    path: ["webhooks", "dead-letters"],
    summary: "Lista los mensajes/estados entrantes que no se pudieron guardar (pendientes de reprocesar)",
    usage: "campotech webhooks dead-letters [--org <id>] [--limit <n>] [--json]",
    options: { org: { type: "string" }, limit: { type: "string" } },
    async run(values) {
      const limit = Number(optional(values, "limit") ?? "100");
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError("--limit va de 1 a 1000");
      const organizationId = optional(values, "org");
      return listOpenInboundDeadLettersAsOperator(adminDb(), { limit, ...(organizationId ? { organizationId } : {}) });
    },
    human: (rows: InboundDeadLetterRow[]) =>
      rows.length
        ? rows.map((r) => `${r.id}  ${r.createdAt.toISOString()}  ${r.organizationId}  ${r.provider}  ${r.kind} ${r.itemKey}  intentos=${r.attempts}\n    ${preview(r.error)}`).join("\n")
        : "No hay mensajes entrantes fallidos.",
  },
  {
    path: ["webhooks", "replay"],
    summary: "Reprocesa un mensaje entrante fallido (o todos); un mensaje ya guardado no se guarda dos veces",
    usage: "campotech webhooks replay (--id <id> | --all) [--org <id>] [--json]",
    options: { id: { type: "string" }, all: { type: "boolean" }, org: { type: "string" } },
    async run(values) {
      const id = optional(values, "id");
      if (!id && values.all !== true) throw new UsageError("indicá --id <id> o --all");
      const organizationId = optional(values, "org");
      return replayInboundDeadLetters(
        { client: adminDb(), ...(id ? { id } : {}), ...(organizationId ? { organizationId } : {}) },
        { aggregationWindowMs: env.INBOUND_AGGREGATION_WINDOW_MS, onCommitted: runFollowUps },
      );
    },
    human: (r: ReplayResult) =>
      [
        r.replayed.length ? `Reprocesados: ${r.replayed.length} (${r.replayed.join(", ")}).` : "No se reprocesó ninguno.",
        ...r.failed.map((f) => `Sigue fallando ${f.id}: ${preview(f.error)}`),
      ].join("\n"),
  },
];
