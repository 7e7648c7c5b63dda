import { createHmac, timingSafeEqual } from "node:crypto";

// Meta Cloud API webhooks (reference/WHATSAPP.md §1). Verification only: parsing the envelope into our types is the
// worker's job (webhook-events.ts); here we decide whether bytes came from Meta and look like an envelope at all.

/** Constant-time string comparison that does not leak the expected length through an early return on content. */
export function constantTimeEqual(actual: string, expected: string): boolean {
  const a = Buffer.from(actual, "utf8");
  const b = Buffer.from(expected, "utf8");
  // timingSafeEqual throws on different lengths; compare b with itself so both paths cost the same.
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256(app secret, raw body bytes). Meta signs the bytes it sends
 * (non-ASCII escaped as \uXXXX), so the HMAC must run over the exact Buffer received, never a re-serialization.
 */
export function verifyMetaSignature(rawBody: Buffer, header: string | null | undefined, appSecret: string): boolean {
  const match = header ? SIGNATURE_HEADER.exec(header.trim()) : null;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  if (!match?.[1]) {
    timingSafeEqual(expected, expected);
    return false;
  }
  // Both sides are 32 bytes here: the regex fixed the length.
  return timingSafeEqual(Buffer.from(match[1], "hex"), expected);
}

/** GET handshake: hub.mode=subscribe and the verify token we chose → echo hub.challenge; otherwise undefined. */
export function checkMetaHandshake(params: URLSearchParams, verifyToken: string): string | undefined {
  const mode = params.get("hub.mode");
  const token = params.get("hub.verify_token") ?? "";
  const challenge = params.get("hub.challenge");
  if (mode !== "subscribe" || challenge === null) return undefined;
  return constantTimeEqual(token, verifyToken) ? challenge : undefined;
}

export type EnvelopeCheck = { ok: true } | { ok: false; reason: string };

/** Minimal shape check after the signature passed: JSON, object "whatsapp_business_account", an entry array. */
export function checkMetaEnvelope(rawBody: Buffer): EnvelopeCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { ok: false, reason: "body is not a JSON object" };
  const envelope = parsed as { object?: unknown; entry?: unknown };
  if (envelope.object !== "whatsapp_business_account") return { ok: false, reason: 'object is not "whatsapp_business_account"' };
  if (!Array.isArray(envelope.entry)) return { ok: false, reason: "entry is not an array" };
  return { ok: true };
}
