import { z } from "zod";
import { assertSessionCurrent } from "@campotech/core/modules/auth";
import { streamOrganizationEvents } from "@campotech/core/modules/conversations";
import { defineEndpoint } from "../define-endpoint";

export const eventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/events",
  summary: "Flujo de eventos (server-sent events) de la organización: mensajes nuevos, estados y cambios de conversación",
  tag: "conversations",
  permission: "conversations.read.assigned",
  response: z.string().describe("text/event-stream: `event: <tipo>` + `data: <json>` por evento; comentario de latido cada 20 s"),
  stream: true,
  async handler({ claims, request, requestId }) {
    const stillAllowed = () => assertSessionCurrent(claims).then(() => true, () => false);
    const body = await streamOrganizationEvents(claims.org, request.signal, { stillAllowed });
    return new Response(body, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-request-id": requestId,
      },
    });
  },
});
