import { recordedBody } from "../http/recorded-body.ts";
import { newRecordId } from "../ids.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import type { MercadoPagoRecordedRequest, MercadoPagoState } from "./state.ts";

// Every MercadoPago API call is kept (GET /_sandbox/mercadopago/requests) so tests can assert what a client sent
// (X-Idempotency-Key, bodies, grant types). Tokens are redacted; a refused OAuth exchange keeps its precise reason.

export function recordRequest(mp: MercadoPagoState, ctx: RequestContext): MercadoPagoRecordedRequest {
  const headers = { ...ctx.headers };
  if (headers.authorization) headers.authorization = headers.authorization.replace(/^(Bearer\s+\S{0,12})\S*/i, "$1…");
  const body = recordedBody(ctx.body);
  const record: MercadoPagoRecordedRequest = {
    id: newRecordId("mpr"),
    method: ctx.method,
    path: ctx.path,
    query: Object.fromEntries(ctx.query),
    headers,
    body: redactSecrets(body),
    receivedAt: new Date().toISOString(),
    response: { status: 0, body: null },
  };
  mp.requests.push(record);
  return record;
}

export function recordAnswer(record: MercadoPagoRecordedRequest, reply: Reply, reason?: string): Reply {
  record.response = reply.dropped ? { status: 0, body: null } : { status: reply.status, body: reply.json ?? reply.text ?? null };
  if (reason) record.reason = reason;
  return reply;
}

function redactSecrets(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const copy = { ...(body as Record<string, unknown>) };
  if (typeof copy.client_secret === "string") copy.client_secret = "[redacted]";
  return copy;
}
