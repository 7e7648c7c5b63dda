import { z } from "zod";
import { appendAuditLog } from "@campotech/core/modules/audit";
import { listInboundDeadLetters, requestInboundReplay } from "@campotech/core/modules/inbound";
import { defineEndpoint } from "../define-endpoint";

// issue 22 (poison): inbound items (messages, statuses, provider errors) that could not be stored after their
// delivery's retries. OWNER/ADMIN see them in /panel/whatsapp and ask the worker to replay them.
const dateTime = () => z.date().meta({ type: "string", format: "date-time" });

const inboundDeadLetterSchema = z.object({
  id: z.string(),
  provider: z.enum(["META_DIRECT", "DIALOG_360", "TWILIO"]),
  kind: z.string().describe("message, status o errors"),
  itemKey: z.string().describe("id del mensaje en el proveedor"),
  deliveryId: z.string(),
  receivedAt: dateTime(),
  item: z.unknown(),
  error: z.string(),
  attempts: z.number(),
  replayCount: z.number(),
  lastReplayError: z.string().nullable(),
  createdAt: dateTime(),
  replayedAt: dateTime().nullable(),
});

export const listInboundDeadLettersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/inbound-dead-letters",
  summary: "Mensajes entrantes que no se pudieron guardar después de los reintentos",
  tag: "admin",
  permission: "messaging.admin",
  query: z.object({ includeReplayed: z.enum(["true", "false"]).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
  response: z.object({ items: z.array(inboundDeadLetterSchema) }),
  async handler({ query, claims }) {
    const items = await listInboundDeadLetters({ organizationId: claims.org, includeReplayed: query.includeReplayed === "true", ...(query.limit ? { limit: query.limit } : {}) });
    return { items };
  },
});

export const replayInboundDeadLettersEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/inbound-dead-letters/replay",
  summary: "Reprocesa un mensaje entrante fallido (o todos): un mensaje ya guardado no se guarda dos veces",
  tag: "admin",
  permission: "messaging.admin",
  body: z.object({ id: z.string().min(1).max(64).optional() }),
  response: z.object({ queued: z.array(z.string()) }),
  status: 202,
  async handler({ body, claims, tenant }) {
    const result = await requestInboundReplay({ organizationId: claims.org, ...(body.id ? { id: body.id } : {}) });
    await tenant((tx) =>
      appendAuditLog(tx, {
        organizationId: claims.org, actorType: "USER", actorId: claims.sub, action: "inbound_dead_letter.replay_requested",
        entityType: "InboundDeadLetter", entityId: body.id ?? "all", metadata: { queued: result.queued },
      }),
    );
    return result;
  },
});
