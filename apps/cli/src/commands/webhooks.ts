import { closeSharedRedis } from "@campotech/core/lib/redis";
import { listRejectedWebhooks, type RejectedWebhook } from "@campotech/core/modules/webhooks";
import { optional, UsageError, type Command } from "../command";

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
];
