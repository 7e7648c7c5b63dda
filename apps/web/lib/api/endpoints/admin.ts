import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import { appendAuditLog } from "@campotech/core/modules/audit";
import { listDeadLetters, listPanicModes, replayDeadLetters, resolvePanic } from "@campotech/core/modules/messaging";
import { defineEndpoint } from "../define-endpoint";

// Thin adapters over src/modules/messaging, whose functions open their own withTenant(claims.org) transactions.
const dateTime = () => z.date().meta({ type: "string", format: "date-time" });

const deadLetterSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  recipient: z.string(),
  attempts: z.number(),
  lastErrorCode: z.string().nullable(),
  lastErrorTitle: z.string().nullable(),
  deadLetteredAt: dateTime().nullable(),
  deadLetterReason: z.string().nullable(),
  replayCount: z.number(),
  purpose: z.string(),
  message: z.object({ conversationId: z.string(), type: z.string(), content: z.unknown(), createdAt: dateTime() }),
});

const panicSchema = z.object({
  id: z.string(),
  integration: z.string().describe("whatsapp:<cuenta> o sms:twilio"),
  status: z.enum(["ACTIVE", "RESOLVED"]),
  reason: z.string(),
  metadata: z.unknown(),
  triggeredAt: dateTime(),
  autoResolveAt: dateTime().nullable(),
  resolvedAt: dateTime().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});

const replayedSchema = z.object({ replayed: z.array(z.string()) });

export const listDeadLettersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/dead-letters",
  summary: "Mensajes que agotaron los reintentos (paginado por cursor)",
  tag: "admin",
  permission: "messaging.admin",
  query: z.object({ cursor: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
  response: z.object({ items: z.array(deadLetterSchema), nextCursor: z.string().nullable() }),
  async handler({ query, claims }) {
    const limit = query.limit ?? 50;
    // One extra row tells whether there is a next page.
    const rows = await listDeadLetters({ organizationId: claims.org, limit: limit + 1, ...(query.cursor ? { cursor: query.cursor } : {}) });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  },
});

export const replayDeadLetterEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/dead-letters/{messageId}/replay",
  summary: "Reenvía un mensaje fallido (una sola vez aunque se pida en paralelo)",
  tag: "admin",
  permission: "messaging.admin",
  params: z.object({ messageId: z.string().min(1) }),
  response: replayedSchema,
  status: 202,
  async handler({ params, claims, tenant }) {
    const result = await replayDeadLetters({ organizationId: claims.org, messageId: params.messageId });
    await tenant((tx) =>
      appendAuditLog(tx, {
        organizationId: claims.org, actorType: "USER", actorId: claims.sub, action: "dead_letter.replayed",
        entityType: "WhatsAppMessage", entityId: params.messageId, metadata: { replayed: result.replayed },
      }),
    );
    return result;
  },
});

export const replayAllDeadLettersEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/dead-letters/replay-all",
  summary: "Reenvía todos los mensajes fallidos de la organización",
  tag: "admin",
  permission: "messaging.admin",
  response: replayedSchema,
  status: 202,
  async handler({ claims, tenant }) {
    const result = await replayDeadLetters({ organizationId: claims.org });
    // Audited even when nothing was pending: someone asked, and the answer was "none".
    await tenant((tx) =>
      appendAuditLog(tx, {
        organizationId: claims.org, actorType: "USER", actorId: claims.sub, action: "dead_letter.replayed_all",
        entityType: "Organization", entityId: claims.org, metadata: { replayed: result.replayed },
      }),
    );
    return result;
  },
});

export const listPanicModesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/panic",
  summary: "Modos pánico activos (con includeResolved=true, también los resueltos)",
  tag: "admin",
  permission: "messaging.admin",
  query: z.object({ includeResolved: z.enum(["true", "false"]).optional() }),
  response: z.object({ items: z.array(panicSchema) }),
  async handler({ query, claims }) {
    return { items: await listPanicModes({ organizationId: claims.org, includeResolved: query.includeResolved === "true" }) };
  },
});

export const resolvePanicEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/panic/{id}/resolve",
  summary: "Resuelve un modo pánico a mano; los mensajes retenidos salen una vez cada uno",
  tag: "admin",
  permission: "messaging.admin",
  params: z.object({ id: z.string().min(1) }),
  body: z.object({ resolution: safeText().min(1).max(500).optional() }).optional(),
  response: z.object({ panicId: z.string(), released: z.number() }),
  // resolvePanic writes the audit row (panic.resolved) in its own transaction: nothing to add here.
  handler: ({ params, body, claims }) =>
    resolvePanic({ organizationId: claims.org, panicId: params.id, resolvedBy: claims.sub, ...(body?.resolution ? { resolution: body.resolution } : {}) }),
});
