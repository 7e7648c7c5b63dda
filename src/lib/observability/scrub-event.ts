import { SENSITIVE_KEYS } from "./sensitive-keys";
import { scrubText } from "./scrub-text";

// The one scrubber every error report passes through (web client and server, workers, CLI: beforeSend and
// beforeBreadcrumb). Known-sensitive keys are replaced whole; every other string loses credentials and phone numbers.
// Request bodies and cookies never leave; the user is reduced to its id. Generic over the SDK's event types so the
// browser bundle can use it without importing any SDK.
const REDACTED = "[REDACTED]";
// Keys whose values are short numeric strings that are codes, not counts.
const CODE_KEYS = new Set(["code", "pin", "verificationcode"]);
const MAX_DEPTH = 12;

export function scrubValue(value: unknown, key = "", depth = 0): unknown {
  const lowered = key.toLowerCase();
  if (SENSITIVE_KEYS.has(lowered)) return value === undefined || value === null ? value : REDACTED;
  if (typeof value === "string") {
    if (CODE_KEYS.has(lowered) && /^\d{4,8}$/.test(value)) return REDACTED;
    return scrubText(value);
  }
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, "", depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, k, depth + 1);
  return out;
}

type ScrubbableEvent = { request?: { data?: unknown; cookies?: unknown }; user?: { id?: unknown } };

export function scrubEvent<T extends ScrubbableEvent>(event: T): T {
  const scrubbed = scrubValue(event) as T;
  if (scrubbed.request) {
    if (scrubbed.request.data !== undefined) scrubbed.request.data = REDACTED;
    delete scrubbed.request.cookies;
  }
  if (scrubbed.user) scrubbed.user = (scrubbed.user.id === undefined ? {} : { id: scrubbed.user.id }) as T["user"];
  return scrubbed;
}

export function scrubBreadcrumb<T extends object>(breadcrumb: T): T {
  return scrubValue(breadcrumb) as T;
}
