import { randomUUID } from "node:crypto";
import { toAppError } from "../../lib/errors";
import type { HeaderReader } from "../../lib/header-reader";
import { logger } from "../../lib/logger";
import { reportError } from "../../lib/observability/error-reporting";
import { recordWebhookAck, webhookAckResultForStatus } from "../observability/record-webhook-ack";
import type { WebhookEndpoint } from "./webhook-endpoints";

/** A host-neutral HTTP answer: the Next route turns it into a Response, the ingest process writes it to the socket. */
export type WebhookReply = { status: number; headers: Record<string, string>; body: string };

export type WebhookHttpRequest = {
  url: URL;
  headers: HeaderReader;
  /** The host's size-limited body reader; its AppError (PAYLOAD_TOO_LARGE) is answered like the accept function's. */
  readBody: () => Promise<Buffer>;
  /** performance.now() when the host received the request: the ack sample covers the body read too. */
  startedAt: number;
};

// Twilio expects TwiML (or an empty 200); an empty <Response/> means "nothing to reply".
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * Every webhook POST, whichever host took it: read the raw bytes, hand them to the endpoint's domain function, map
 * its result to 200 and its AppError to a status (401, 400, 413, 503) with the Spanish message, and record the ack
 * sample (metrics histogram + per-minute stats). Nothing here parses or logs the body.
 */
export async function serveWebhook(endpoint: WebhookEndpoint, request: WebhookHttpRequest): Promise<WebhookReply> {
  const reply = await answer(endpoint, request);
  recordWebhookAck({ provider: endpoint.provider, result: webhookAckResultForStatus(reply.status), durationMs: performance.now() - request.startedAt });
  return reply;
}

async function answer(endpoint: WebhookEndpoint, request: WebhookHttpRequest): Promise<WebhookReply> {
  // A caller's own request id is kept only when it looks like one (it ends up in logs and response headers).
  const given = request.headers.get("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  try {
    const rawBody = await request.readBody();
    const { jobId } = await endpoint.accept({ rawBody, headers: request.headers, url: request.url });
    if (endpoint.answer === "twiml") return { status: 200, headers: { "content-type": "text/xml" }, body: EMPTY_TWIML };
    return { status: 200, headers: { "content-type": "application/json", "x-request-id": requestId }, body: JSON.stringify({ received: true, jobId }) };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      logger.error({ requestId, code: appError.code, err: appError.detail }, "request failed");
      reportError(error, { requestId });
    }
    return { status: appError.status, headers: { "content-type": "application/json", "x-request-id": requestId }, body: JSON.stringify(appError.toJSON()) };
  }
}
