import { WEBHOOK_ENDPOINTS } from "@campotech/core/modules/webhooks";
import { handleWebhook } from "@/lib/webhook-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Status callbacks of the messages we send (StatusCallback on each send).
// The endpoint (domain function, answer) is shared with the lean ingest process: src/modules/webhooks/webhook-endpoints.ts.
export function POST(request: Request): Promise<Response> {
  return handleWebhook(request, WEBHOOK_ENDPOINTS["/api/webhooks/twilio/status"]);
}
