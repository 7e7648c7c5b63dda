import { answerMetaHandshake } from "./answer-meta-handshake";
import type { WebhookReply } from "./serve-webhook";

/** GET /api/webhooks/whatsapp on either host: the challenge as plain text (200) or 403 "Forbidden". */
export function serveMetaHandshake(params: URLSearchParams): WebhookReply {
  const challenge = answerMetaHandshake(params);
  return challenge === undefined
    ? { status: 403, headers: { "content-type": "text/plain;charset=UTF-8" }, body: "Forbidden" }
    : { status: 200, headers: { "content-type": "text/plain" }, body: challenge };
}
