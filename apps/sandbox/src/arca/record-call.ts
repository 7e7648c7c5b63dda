import { newRecordId } from "../ids.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import type { ArcaRecordedRequest, ArcaState } from "./state.ts";

// Every SOAP call to ARCA is kept (GET /_sandbox/arca/requests) so tests can assert the exact envelope a client sent.

export function recordCall(arca: ArcaState, ctx: RequestContext, entry: { service: "wsaa" | "wsfe"; method: string; soapAction?: string; body: unknown }): ArcaRecordedRequest {
  const record: ArcaRecordedRequest = {
    id: newRecordId("arq"),
    service: entry.service,
    method: entry.method,
    ...(entry.soapAction !== undefined ? { soapAction: entry.soapAction } : {}),
    body: entry.body,
    rawXml: ctx.rawBody.toString("utf8"),
    receivedAt: new Date().toISOString(),
    response: { status: 0, body: null },
  };
  arca.requests.push(record);
  return record;
}

export function recordAnswer(record: ArcaRecordedRequest, reply: Reply): Reply {
  record.response = reply.dropped ? { status: 0, body: null } : { status: reply.status, body: reply.text ?? null };
  return reply;
}
