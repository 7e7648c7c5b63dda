import { isRecord, parseJson, type HttpResponse } from "../whatsapp/http-request";
import type { SendResult } from "../whatsapp/types";

// A created Message resource: {sid: "SM…"|"MM…", status: "queued", to: "whatsapp:+549…", …}.
export function parseTwilioMessage(response: HttpResponse): SendResult {
  const body = parseJson(response.bytes);
  const sid = isRecord(body) ? body.sid : undefined;
  if (typeof sid !== "string") {
    return { ok: false, error: { provider: "TWILIO", code: "invalid_response", title: "Message resource without sid", action: "fail" } };
  }
  const to = isRecord(body) && typeof body.to === "string" ? body.to.replace(/^whatsapp:/, "").replace(/^\+/, "") : undefined;
  return { ok: true, providerMessageId: sid, ...(to ? { recipientWaId: to } : {}) };
}
