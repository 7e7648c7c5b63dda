import { z } from "zod";
import {
  createQuickReply,
  deleteQuickReply,
  listQuickReplies,
  quickReplyChangesSchema,
  quickReplyInputSchema,
  updateQuickReply,
} from "@campotech/core/modules/quick-replies";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const idParams = z.object({ id: z.string().min(1) });

const quickReplySchema = z.object({
  id: z.string(),
  shortcut: z.string().describe('Lo que se escribe después de "/" en el cuadro de respuesta (horarios → /horarios)'),
  title: z.string(),
  body: z.string().describe("El texto; {nombre} se reemplaza por el nombre del cliente al insertarlo"),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const listQuickRepliesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/quick-replies",
  summary: "Las respuestas rápidas de la organización, por atajo",
  tag: "quick-replies",
  // Everyone who answers chats (technicians answer their assigned ones) uses them; every inbox reader holds this one.
  permission: "conversations.read.assigned",
  response: z.object({ items: z.array(quickReplySchema) }),
  handler: async ({ tenant }) => ({ items: await tenant((tx) => listQuickReplies(tx)) }),
});

export const createQuickReplyEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/quick-replies",
  summary: "Crea una respuesta rápida (el mismo pedido dos veces devuelve la misma; otro texto con un atajo en uso: 409)",
  tag: "quick-replies",
  permission: "quickreplies.manage",
  status: 201,
  body: quickReplyInputSchema,
  response: quickReplySchema,
  handler: ({ body, claims, tenant }) => tenant((tx) => createQuickReply(tx, { organizationId: claims.org, userId: claims.sub }, body)),
});

export const updateQuickReplyEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/quick-replies/{id}",
  summary: "Cambia el atajo, el título o el texto de una respuesta rápida",
  tag: "quick-replies",
  permission: "quickreplies.manage",
  params: idParams,
  body: quickReplyChangesSchema,
  response: quickReplySchema,
  handler: ({ params, body, claims, tenant }) => tenant((tx) => updateQuickReply(tx, { organizationId: claims.org, userId: claims.sub }, params.id, body)),
});

export const deleteQuickReplyEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/quick-replies/{id}",
  summary: "Borra una respuesta rápida (borrar una que ya no existe responde lo mismo, con deleted: false)",
  tag: "quick-replies",
  permission: "quickreplies.manage",
  params: idParams,
  response: z.object({ id: z.string(), deleted: z.boolean() }),
  handler: ({ params, claims, tenant }) => tenant((tx) => deleteQuickReply(tx, { organizationId: claims.org, userId: claims.sub }, params.id)),
});
