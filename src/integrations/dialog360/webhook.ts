import { createHmac } from "node:crypto";
import type { HeaderReader } from "../../lib/header-reader";
import { constantTimeEqual } from "../meta/webhook";

// 360dialog webhooks (reference/WHATSAPP.md §5): Meta's envelope unchanged, authenticated by the custom header we
// configure per number with POST /v1/configs/webhook, plus the optional x-360dialog-signature.

/** The custom header we ask 360dialog to send (setDialog360Webhook headers); its value is the org's webhook secret. */
export const DIALOG360_SECRET_HEADER = "x-campotech-webhook-secret";
export const DIALOG360_SIGNATURE_HEADER = "x-360dialog-signature";

export type Dialog360Verification = {
  headers: Pick<HeaderReader, "get">;
  rawBody: Buffer;
  /** The organization's webhook secrets (usually one per number). Empty when the orgId is unknown. */
  organizationSecrets: string[];
  /** Partner platform secret for x-360dialog-signature (DIALOG360_WEBHOOK_SECRET). */
  platformSecret: string;
};

// An unknown orgId still pays for one comparison, so it answers like a wrong secret.
const DUMMY_SECRET = "campotech-no-such-organization-secret";

export function verifyDialog360Webhook(input: Dialog360Verification): boolean {
  const sent = input.headers.get(DIALOG360_SECRET_HEADER) ?? "";
  const secrets = input.organizationSecrets.length ? input.organizationSecrets : [DUMMY_SECRET];
  let secretOk = false;
  for (const secret of secrets) secretOk = constantTimeEqual(sent, secret) || secretOk;
  if (!input.organizationSecrets.length || sent === "") secretOk = false;
  const signature = input.headers.get(DIALOG360_SIGNATURE_HEADER);
  // The signature is optional on 360dialog's side; when present it must match too.
  const signatureOk = signature === null || verifyDialog360Signature(input.rawBody, signature, input.platformSecret);
  return secretOk && signatureOk;
}

/**
 * x-360dialog-signature = HMAC-SHA256(body, platform secret). 360dialog does not state the encoding (§8.5): we accept
 * lowercase/uppercase hex with an optional "sha256=" prefix, and base64, all compared in constant time.
 */
export function verifyDialog360Signature(rawBody: Buffer, header: string, platformSecret: string): boolean {
  const digest = createHmac("sha256", platformSecret).update(rawBody).digest();
  const value = header.trim().replace(/^sha256=/i, "");
  const asHex = /^[0-9a-f]{64}$/i.test(value) ? value.toLowerCase() : "";
  const hexOk = constantTimeEqual(asHex, digest.toString("hex"));
  const base64Ok = constantTimeEqual(value, digest.toString("base64"));
  return hexOk || base64Ok;
}
