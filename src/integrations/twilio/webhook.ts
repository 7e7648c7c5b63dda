import { createHmac } from "node:crypto";
import { constantTimeEqual } from "../meta/webhook";

// Twilio webhooks (reference/WHATSAPP.md §6): form posts signed with X-Twilio-Signature, as twilio-node's
// validateRequest checks them.

export type TwilioParams = Record<string, string | string[]>;

/** application/x-www-form-urlencoded → params; a repeated key becomes an array (Twilio signs every value). */
export function parseTwilioForm(rawBody: Buffer): TwilioParams {
  const params: TwilioParams = {};
  for (const [key, value] of new URLSearchParams(rawBody.toString("utf8"))) {
    const current = params[key];
    if (current === undefined) params[key] = value;
    else params[key] = Array.isArray(current) ? [...current, value] : [current, value];
  }
  return params;
}

/** base64(HMAC-SHA1(authToken, url + each key in sorted order + its value(s), arrays de-duplicated and sorted)). */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of [...new Set(value)].sort()) data += key + v;
    else data += key + value;
  }
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

/**
 * The URL variants twilio-node accepts: Twilio's own signing is inconsistent about ":443"/":80", so the URL is tried
 * with its port removed and with the port spelled out (the scheme's default when none was given).
 */
export function twilioUrlVariants(url: string): string[] {
  const parsed = new URL(url);
  const defaultPort = parsed.protocol === "https:" ? "443" : "80";
  const auth = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ""}@` : "";
  const tail = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  const withoutPort = `${parsed.protocol}//${auth}${parsed.hostname}${tail}`;
  const withPort = `${parsed.protocol}//${auth}${parsed.hostname}:${parsed.port || defaultPort}${tail}`;
  return withoutPort === withPort ? [withoutPort] : [withoutPort, withPort];
}

export function verifyTwilioSignature(input: {
  authToken: string;
  url: string;
  params: TwilioParams;
  signature: string | null | undefined;
}): boolean {
  const sent = input.signature ?? "";
  let ok = false;
  // Every variant is computed and compared, so timing does not depend on which one matched.
  for (const url of twilioUrlVariants(input.url)) ok = constantTimeEqual(sent, twilioSignature(input.authToken, url, input.params)) || ok;
  return ok && sent !== "";
}
