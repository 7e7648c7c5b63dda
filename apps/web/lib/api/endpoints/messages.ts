import { z } from "zod";
import { getMessage, getMessageMedia } from "@campotech/core/modules/conversations";
import { retryMessageMedia } from "@campotech/core/modules/media";
import { defineEndpoint } from "../define-endpoint";
import { fileResponse } from "../file-response";

const dateTime = () => z.string().meta({ format: "date-time" });
const STATUS = z.enum(["RECEIVED", "QUEUED", "SENT", "DELIVERED", "READ", "FAILED"]);

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  whatsappMessageId: z.string().nullable(),
  direction: z.enum(["INBOUND", "OUTBOUND"]),
  type: z.string(),
  content: z.unknown().describe("Texto ({ body }) o contenido estructurado según el tipo"),
  media: z
    .object({
      url: z.string().nullable().describe("Ruta de descarga del archivo; null mientras se descarga del proveedor"),
      mimeType: z.string().nullable(),
      state: z.enum(["PENDING", "STORED", "FAILED"]).nullable().describe("descarga de un archivo recibido: PENDING mientras baja, FAILED si no se pudo (se puede reintentar)"),
      caption: z.string().nullable(),
      filename: z.string().nullable(),
    })
    .nullable(),
  status: STATUS,
  statusHistory: z.array(z.object({ status: STATUS, at: dateTime() })),
  error: z.object({ code: z.string(), title: z.string().nullable() }).nullable(),
  replyTo: z.string().nullable().describe("id del proveedor del mensaje citado, si es una respuesta"),
  sentBy: z.enum(["assistant", "person", "system"]).nullable().describe("quién escribió un saliente: el asistente, una persona o la plataforma"),
  sentByName: z.string().nullable().describe("el nombre de la persona que lo escribió, si fue alguien de la oficina"),
  createdAt: dateTime(),
});

export const getMessageEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/messages/{id}",
  summary: "Un mensaje con su historial de estados",
  tag: "conversations",
  permission: "conversations.read.assigned",
  params: z.object({ id: z.string().min(1) }),
  response: messageSchema,
  handler: ({ params, claims, tenant }) => tenant((tx) => getMessage(tx, { userId: claims.sub, role: claims.role }, params.id)),
});

export const getMessageMediaEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/messages/{id}/media",
  summary: "El archivo de un mensaje: imágenes, audio y video verificados por su contenido se muestran; todo lo demás se descarga",
  tag: "conversations",
  permission: "conversations.read.assigned",
  params: z.object({ id: z.string().min(1) }),
  response: z.unknown(),
  binary: "application/octet-stream",
  async handler({ params, claims, tenant, requestId }) {
    const media = await tenant((tx) => getMessageMedia(tx, { userId: claims.sub, role: claims.role }, params.id));
    return fileResponse(media.bytes, { filename: media.filename, fallbackName: `archivo-${params.id}`, requestId });
  },
});

export const retryMessageMediaEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/messages/{id}/media/retry",
  summary: "Vuelve a descargar el archivo de un mensaje recibido cuya descarga falló (si ya se está descargando o está guardado, no hace nada)",
  tag: "conversations",
  permission: "inbox.write",
  params: z.object({ id: z.string().min(1) }),
  response: messageSchema,
  async handler({ params, claims, tenant }) {
    const viewer = { userId: claims.sub, role: claims.role };
    await retryMessageMedia(claims.org, viewer, params.id);
    return tenant((tx) => getMessage(tx, viewer, params.id));
  },
});
