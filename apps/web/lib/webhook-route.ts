import { NextResponse } from "next/server";
import { recordWebhookAck, webhookAckResultForStatus } from "@campotech/core/modules/observability";
import { errorResponse, requestIdOf } from "./route";
import { readRawBody } from "./read-raw-body";

export type WebhookInput = { rawBody: Buffer; headers: Headers; path: string; url: URL };

// Twilio expects TwiML (or an empty 200); an empty <Response/> means "nothing to reply".
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * The shared shape of every webhook POST: read the raw bytes (size-limited), hand them to one domain function, map
 * its result to 200 and its AppError to a status (401, 400, 413, 503). Nothing here parses or logs the body.
 */
export async function handleWebhook(
  request: Request,
  accept: (input: WebhookInput) => Promise<{ jobId: string }>,
  answer: "json" | "twiml" = "json",
): Promise<Response> {
  const started = performance.now();
  const response = await answerWebhook(request, accept, answer);
  recordWebhookAck({
    provider: providerOf(new URL(request.url).pathname),
    result: webhookAckResultForStatus(response.status),
    durationMs: performance.now() - started,
  });
  return response;
}

// /api/webhooks/<segment>/…: the segment names the provider (whatsapp is Meta's Cloud API).
function providerOf(path: string): string {
  const segment = path.split("/")[3] ?? "";
  return ({ whatsapp: "meta", dialog360: "dialog360", twilio: "twilio", mercadopago: "mercadopago" } as Record<string, string>)[segment] ?? "other";
}

async function answerWebhook(
  request: Request,
  accept: (input: WebhookInput) => Promise<{ jobId: string }>,
  answer: "json" | "twiml",
): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const url = new URL(request.url);
    const rawBody = await readRawBody(request);
    const { jobId } = await accept({ rawBody, headers: request.headers, path: url.pathname, url });
    if (answer === "twiml") return new Response(EMPTY_TWIML, { status: 200, headers: { "content-type": "text/xml" } });
    return NextResponse.json({ received: true, jobId }, { status: 200, headers: { "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
