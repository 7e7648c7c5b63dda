import { parseTwilioForm, verifyTwilioSignature, type TwilioParams } from "../../integrations/twilio/webhook";
import { decryptJson } from "../../lib/crypto";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { sha256Hex, type WebhookAccepted, type WebhookRequest } from "./accept-meta-webhook";
import { assertBodySize } from "./assert-body-size";
import { enqueueWebhookDelivery } from "./enqueue-webhook-delivery";
import { findWebhookRoutes } from "./find-webhook-routes";
import { keepRejectedWebhook } from "./keep-rejected-webhook";
import { defaultWebhookDeps, type WebhookDeps } from "./webhook-deps";

export type TwilioWebhookKind = "message" | "status";

/**
 * POST /api/webhooks/twilio (kind "message") and /api/webhooks/twilio/status (kind "status"). The signature covers
 * every form field, so the form is decoded first (nothing else is looked at); the auth token is the business number's
 * own (To for messages, From for status callbacks) or the platform's TWILIO_AUTH_TOKEN.
 * `pathWithQuery` is the path Twilio called; the signed URL is PUBLIC_BASE_URL + it.
 */
export async function acceptTwilioWebhook(
  request: WebhookRequest & { kind: TwilioWebhookKind; pathWithQuery: string },
  deps: WebhookDeps = defaultWebhookDeps(),
): Promise<WebhookAccepted> {
  assertBodySize(request.rawBody);
  const params = parseTwilioForm(request.rawBody);
  const authToken = await authTokenFor(params, request.kind);
  const url = `${env.PUBLIC_BASE_URL.replace(/\/+$/, "")}${request.pathWithQuery}`;
  if (!verifyTwilioSignature({ authToken, url, params, signature: request.headers.get("x-twilio-signature") })) {
    throw new AppError("INVALID_SIGNATURE", { detail: "Twilio webhook: X-Twilio-Signature missing or wrong" });
  }
  const missing = ["MessageSid", "AccountSid"].filter((key) => typeof params[key] !== "string" || params[key] === "");
  if (missing.length) {
    return keepRejectedWebhook({ provider: "TWILIO", reason: `missing ${missing.join(", ")}`, ...request }, deps);
  }
  return enqueueWebhookDelivery(
    { provider: "TWILIO", kind: request.kind, params, deliveryId: sha256Hex(request.rawBody), receivedAt: new Date().toISOString() },
    deps,
  );
}

async function authTokenFor(params: TwilioParams, kind: TwilioWebhookKind): Promise<string> {
  // Our number is To on an inbound message and From on a status callback of a message we sent.
  const ours = kind === "message" ? params.To : params.From;
  const digits = typeof ours === "string" ? ours.replace(/^whatsapp:/, "").replace(/\D/g, "") : "";
  if (!digits) return env.TWILIO_AUTH_TOKEN;
  const [route] = await findWebhookRoutes({ provider: "TWILIO", displayNumber: digits });
  if (!route) return env.TWILIO_AUTH_TOKEN;
  const credentials = decryptJson<{ authToken?: unknown }>(route.credentialsEncrypted);
  return typeof credentials.authToken === "string" && credentials.authToken ? credentials.authToken : env.TWILIO_AUTH_TOKEN;
}
