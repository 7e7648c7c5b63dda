import { createHmac } from "node:crypto";

/**
 * Serializes like Meta's webhook sender: every non-ASCII UTF-16 code unit becomes \uXXXX with lowercase hex, so emoji
 * turn into surrogate pairs ("😊" → "\ud83d\ude0a"), and optionally "/" becomes "\/". Receivers must verify the
 * signature over these exact bytes, never over a re-serialization.
 */
export function metaJson(value: unknown, escapeSlashes: boolean): string {
  const escaped = JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escapeSlashes ? escaped.replace(/\//g, "\\/") : escaped;
}

/** X-Hub-Signature-256 value. */
export function hubSignature256(appSecret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
}

/** Legacy X-Hub-Signature (SHA-1) Meta still sends next to the 256 one. */
export function hubSignature1(appSecret: string, body: string | Buffer): string {
  return `sha1=${createHmac("sha1", appSecret).update(body).digest("hex")}`;
}

/** x-360dialog-signature: hex HMAC-SHA256 of the body with the partner webhook secret (encoding is our choice, §8.5). */
export function dialog360Signature(secret: string, body: string | Buffer): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/**
 * X-Twilio-Signature, as twilio-node's getExpectedTwilioSignature: the full URL, then each POST param in sorted key
 * order as key+value (array values de-duplicated and sorted), HMAC-SHA1 with the auth token, base64.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string | string[]>): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const v of [...new Set(value)].sort()) data += key + v;
    } else {
      data += key + value;
    }
  }
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}
