import { z } from "zod";
import type { AccessTokenClaims } from "@campotech/core/modules/auth";
import { outboundContentSchema } from "@campotech/core/contracts/whatsapp";
import { publishJobChanges } from "@campotech/core/modules/jobs";
import {
  assignConversation,
  assignEmergencyTechnician,
  listConversations,
  listMessages,
  markConversationRead,
  publishConversationUpdated,
  sendConversationMessage,
  setConversationStatus,
  type ConversationView,
} from "@campotech/core/modules/conversations";
import { defineEndpoint } from "../define-endpoint";
import { messageSchema } from "./messages";

const idParams = z.object({ id: z.string().min(1) });
const dateTime = () => z.string().meta({ format: "date-time" });

const conversationSchema = z.object({
  id: z.string(),
  customer: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable().describe("E.164 (+549…)") }),
  status: z.enum(["OPEN", "PENDING", "CLOSED"]),
  unreadCount: z.number().int(),
  lastMessage: z
    .object({
      id: z.string(), direction: z.enum(["INBOUND", "OUTBOUND"]), type: z.string(), text: z.string().nullable(), createdAt: dateTime(),
      sentBy: z.enum(["customer", "assistant", "person", "system"]).describe("quién lo escribió: el cliente, el asistente, una persona de la oficina o la plataforma"),
      sentByUser: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe("la persona, si lo escribió alguien de la oficina"),
    })
    .nullable(),
  lastMessageAt: dateTime().nullable(),
  windowExpiresAt: dateTime().nullable(),
  assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
  emergency: z.boolean().describe("hay un trabajo o pedido URGENTE abierto de este cliente o chat"),
});

const viewer = (claims: AccessTokenClaims) => ({ userId: claims.sub, role: claims.role });

// Mutations answer the conversation's new state and tell the other open dashboards about it (after the commit).
async function changed(claims: AccessTokenClaims, change: Promise<ConversationView>): Promise<ConversationView> {
  const view = await change;
  await publishConversationUpdated(claims.org, view);
  return view;
}

export const listConversationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/conversations",
  summary: "Lista las conversaciones (búsqueda por nombre, teléfono o texto; filtros; paginado por cursor). Los técnicos ven solo las asignadas.",
  tag: "conversations",
  permission: "conversations.read.assigned",
  query: z.object({
    search: z.string().trim().max(100).optional(),
    status: z.enum(["OPEN", "PENDING", "CLOSED"]).optional(),
    unread: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    assignedTo: z.string().min(1).optional().describe('Id de usuario, "me" o "none"'),
    window: z.enum(["open", "closed"]).optional(),
    emergency: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  }),
  response: z.object({ items: z.array(conversationSchema), nextCursor: z.string().nullable() }),
  handler: ({ query, claims, tenantSql }) => tenantSql((tx) => listConversations(tx, viewer(claims), query)),
});

export const listConversationMessagesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/conversations/{id}/messages",
  summary: "Mensajes de una conversación, en cualquier orden (paginado por cursor); debajo del plan Profesional, solo los últimos 30 días",
  tag: "conversations",
  permission: "conversations.read.assigned",
  params: idParams,
  query: z.object({
    cursor: z.string().optional(),
    order: z.enum(["asc", "desc"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  response: z.object({
    items: z.array(messageSchema),
    nextCursor: z.string().nullable(),
    historySince: z.date().meta({ type: "string", format: "date-time" }).nullable()
      .describe("planes sin historial completo (Gratis, Inicial): solo se ven los mensajes desde esta fecha (últimos 30 días); null = todo el historial"),
  }),
  handler: ({ params, query, claims, tenantSql }) => tenantSql((tx) => listMessages(tx, viewer(claims), { conversationId: params.id, ...query })),
});

export const sendConversationMessageEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/conversations/{id}/messages",
  summary: "Envía un mensaje (texto, plantilla, adjunto o interactivo) por el motor de envíos. Acepta el encabezado Idempotency-Key.",
  tag: "conversations",
  permission: "conversations.write.assigned",
  params: idParams,
  body: z.object({ content: outboundContentSchema, replyToMessageId: z.string().optional() }),
  response: messageSchema,
  status: 202,
  handler: ({ params, body, claims, request }) => {
    const key = request.headers.get("idempotency-key")?.trim();
    return sendConversationMessage(viewer(claims), {
      organizationId: claims.org,
      conversationId: params.id,
      content: body.content,
      ...(key ? { idempotencyKey: key.slice(0, 200) } : {}),
      ...(body.replyToMessageId ? { replyToMessageId: body.replyToMessageId } : {}),
    });
  },
});

export const readConversationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/conversations/{id}/read",
  summary: "Marca la conversación como leída",
  tag: "conversations",
  permission: "conversations.write.assigned",
  params: idParams,
  response: conversationSchema,
  handler: ({ params, claims, tenant }) => changed(claims, tenant((tx) => markConversationRead(tx, viewer(claims), params.id))),
});

export const assignConversationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/conversations/{id}/assign",
  summary: "Asigna la conversación a un usuario de la organización (o la desasigna con null)",
  tag: "conversations",
  permission: "inbox.write",
  params: idParams,
  body: z.object({ userId: z.string().min(1).nullable() }),
  response: conversationSchema,
  handler: ({ params, body, claims, tenant }) => changed(claims, tenant((tx) => assignConversation(tx, viewer(claims), { conversationId: params.id, userId: body.userId }))),
});

export const assignEmergencyTechnicianEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/conversations/{id}/emergency-technician",
  summary: "Asigna un técnico a la urgencia abierta del chat: el trabajo y la conversación quedan con la misma persona",
  tag: "conversations",
  permission: "inbox.write",
  params: idParams,
  body: z.object({ jobId: z.string().min(1), technicianId: z.string().min(1) }),
  response: z.object({ conversation: conversationSchema, job: z.object({ id: z.string(), technicianId: z.string().nullable() }) }),
  handler: async ({ params, body, claims, tenant }) => {
    const result = await tenant((tx) => assignEmergencyTechnician(tx, { ...viewer(claims), organizationId: claims.org }, { conversationId: params.id, ...body }));
    await publishJobChanges(result.job);
    return { conversation: await changed(claims, Promise.resolve(result.conversation)), job: { id: result.job.job.id, technicianId: result.job.job.technicianId } };
  },
});

export const closeConversationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/conversations/{id}/close",
  summary: "Cierra la conversación",
  tag: "conversations",
  permission: "conversations.write.assigned",
  params: idParams,
  response: conversationSchema,
  handler: ({ params, claims, tenant }) => changed(claims, tenant((tx) => setConversationStatus(tx, viewer(claims), { conversationId: params.id, status: "CLOSED" }))),
});

export const reopenConversationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/conversations/{id}/reopen",
  summary: "Reabre la conversación",
  tag: "conversations",
  permission: "conversations.write.assigned",
  params: idParams,
  response: conversationSchema,
  handler: ({ params, claims, tenant }) => changed(claims, tenant((tx) => setConversationStatus(tx, viewer(claims), { conversationId: params.id, status: "OPEN" }))),
});
