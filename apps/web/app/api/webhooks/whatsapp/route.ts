import { serveMetaHandshake, WEBHOOK_ENDPOINTS } from "@campotech/core/modules/webhooks";
import { handleWebhook, toResponse } from "@/lib/webhook-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Meta's subscription handshake: echo hub.challenge as plain text when the verify token matches.
export function GET(request: Request): Response {
  return toResponse(serveMetaHandshake(new URL(request.url).searchParams));
}

export function POST(request: Request): Promise<Response> {
  return handleWebhook(request, WEBHOOK_ENDPOINTS["/api/webhooks/whatsapp"]);
}
