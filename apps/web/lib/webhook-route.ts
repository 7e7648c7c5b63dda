import { serveWebhook, type WebhookEndpoint, type WebhookReply } from "@campotech/core/modules/webhooks";
import { readRawBody } from "./read-raw-body";

/**
 * The Next host of a webhook endpoint (src/modules/webhooks/webhook-endpoints.ts): the raw bytes (size-limited) go
 * through serveWebhook, the same function the lean ingest process (apps/ingest) calls, so both hosts answer alike
 * and record the same ack samples.
 */
export async function handleWebhook(request: Request, endpoint: WebhookEndpoint): Promise<Response> {
  const startedAt = performance.now();
  const reply = await serveWebhook(endpoint, { url: new URL(request.url), headers: request.headers, readBody: () => readRawBody(request), startedAt });
  return toResponse(reply);
}

export function toResponse(reply: WebhookReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
