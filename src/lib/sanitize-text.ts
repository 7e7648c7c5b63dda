import { z } from "zod";

// The one place text is made storable. Providers and clients may legitimately send what Postgres cannot keep:
// NUL (text and jsonb reject \u0000), lone UTF-16 surrogates (not valid UTF-8), absurd timestamps (Prisma rejects
// an Invalid Date) and fields longer than their column. Webhooks, the REST API (safeText), the CLI and sync pushes
// all pass through here (docs/inbound-pipeline.md "Poison items").

const NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT = "\uFFFD";

// Timestamps before this or more than a day ahead of the receive time are not believable (docs/inbound-pipeline.md).
export const EARLIEST_BELIEVABLE = new Date("2010-01-01T00:00:00Z");
export const MAX_FUTURE_SKEW_MS = 24 * 3600 * 1000;

/** NUL stripped, lone surrogates → U+FFFD, optionally cut to maxLength (never splitting a surrogate pair). */
export function sanitizeText(value: string, maxLength?: number): string {
  const clean = value.replaceAll(NUL, "").replace(LONE_SURROGATE, REPLACEMENT);
  if (maxLength === undefined || clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Every string inside a JSON-like value (keys included) sanitised; other values kept as they are. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === "string") return sanitizeText(value) as T;
  if (Array.isArray(value)) return value.map((v) => sanitizeDeep(v)) as T;
  if (value instanceof Date) return value;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitizeText(k), sanitizeDeep(v)])) as T;
  }
  return value;
}

/** A provider's time if believable (valid, not before 2010, at most a day ahead of receivedAt); else receivedAt. */
export function sanitizeTimestamp(value: Date | undefined, receivedAt: Date): Date {
  const ms = value?.getTime();
  if (ms === undefined || !Number.isFinite(ms)) return receivedAt;
  if (ms < EARLIEST_BELIEVABLE.getTime() || ms > receivedAt.getTime() + MAX_FUTURE_SKEW_MS) return receivedAt;
  return value!;
}

/**
 * Zod string for free text from people (REST bodies, sync pushes): sanitised, then trimmed; chain .min/.max for the
 * column's limit as with z.string().trim(). `overwrite` keeps it a ZodString, so it reads like the schema it replaces.
 */
export function safeText() {
  return z.string().overwrite((s) => sanitizeText(s)).trim();
}
