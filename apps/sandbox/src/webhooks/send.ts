import type { BusinessNumber, SandboxState, WebhookAttempt } from "../state.ts";
import { deliverWebhook, type DeliveryOutcome } from "./deliver.ts";
import { dialog360Signature, hubSignature1, hubSignature256, metaJson, twilioSignature } from "./sign.ts";

/** Meta-format envelope to a Meta or 360dialog number's webhook, signed the way that provider signs. */
export function sendMetaWebhook(
  state: SandboxState,
  number: BusinessNumber,
  kind: WebhookAttempt["kind"],
  envelope: unknown,
): Promise<DeliveryOutcome> {
  const body = metaJson(envelope, state.config.metaEscapeSlashes);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (number.provider === "DIALOG_360") {
    Object.assign(headers, lowerKeys(number.webhookHeaders), {
      "user-agent": "360dialog-webhook/1.0",
      "x-360dialog-signature": dialog360Signature(state.config.dialog360WebhookSecret, body),
    });
  } else {
    Object.assign(headers, {
      "user-agent": "facebookexternalua",
      "x-hub-signature": hubSignature1(state.config.metaAppSecret, body),
      "x-hub-signature-256": hubSignature256(state.config.metaAppSecret, body),
    });
  }
  return deliverWebhook(state, { provider: number.provider, kind, url: number.webhookUrl, headers, body });
}

/** Twilio-style form POST (inbound message or status callback) signed with the account's auth token. */
export function sendTwilioWebhook(
  state: SandboxState,
  number: BusinessNumber,
  url: string,
  kind: WebhookAttempt["kind"],
  fields: Record<string, string>,
): Promise<DeliveryOutcome> {
  const body = new URLSearchParams(fields).toString();
  const headers: Record<string, string> = {
    ...lowerKeys(number.webhookHeaders),
    "content-type": "application/x-www-form-urlencoded",
    "user-agent": "TwilioProxy/1.1",
    "i-twilio-idempotency-token": crypto.randomUUID(),
    "x-twilio-signature": twilioSignature(number.authToken ?? "", url, fields),
  };
  return deliverWebhook(state, { provider: "TWILIO", kind, url, headers, body });
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
