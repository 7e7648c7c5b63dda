import type { HeaderReader } from "../../lib/header-reader";
import { DIALOG360_SECRET_HEADER, DIALOG360_SIGNATURE_HEADER } from "../../integrations/dialog360/webhook";

// Headers that authenticate a request are never stored, even for a request whose signature passed.
const SECRET_HEADERS = new Set([
  "authorization",
  "cookie",
  "x-hub-signature",
  "x-hub-signature-256",
  "x-twilio-signature",
  DIALOG360_SECRET_HEADER,
  DIALOG360_SIGNATURE_HEADER,
  "d360-api-key",
]);

export function inspectionHeaders(headers: HeaderReader): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, key) => {
    if (!SECRET_HEADERS.has(key.toLowerCase())) kept[key.toLowerCase()] = value;
  });
  return kept;
}
