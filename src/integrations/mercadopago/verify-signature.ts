import { createHmac, timingSafeEqual } from "node:crypto";

// MercadoPago's x-signature (reference/ARGENTINA.md §5.3): "ts=<seconds>,v1=<hex>", where v1 is HMAC-SHA256 of the
// manifest "id:<data.id>;request-id:<x-request-id>;ts:<ts>;" (a part whose value is missing is left out; an
// alphanumeric data.id is lower-cased), compared in constant time, and ts must be recent.
export type SignatureCheck = { ok: true; ts: number } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

export function verifyMercadoPagoSignature(input: {
  xSignature: string | null;
  xRequestId: string | null;
  dataId: string | null;
  secret: string;
  now: number;
  toleranceMs?: number;
}): SignatureCheck {
  if (!input.xSignature) return { ok: false, reason: "missing" };
  const parts = new Map<string, string>();
  for (const part of input.xSignature.split(",")) {
    const at = part.indexOf("=");
    if (at > 0) parts.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const ts = parts.get("ts");
  const v1 = parts.get("v1");
  if (!ts || !v1 || !/^\d+$/.test(ts) || !/^[0-9a-f]{64}$/i.test(v1)) return { ok: false, reason: "malformed" };
  const dataId = input.dataId && /^[a-z0-9]+$/i.test(input.dataId) ? input.dataId.toLowerCase() : input.dataId;
  const manifest = `${dataId ? `id:${dataId};` : ""}${input.xRequestId ? `request-id:${input.xRequestId};` : ""}ts:${ts};`;
  const expected = createHmac("sha256", input.secret).update(manifest).digest();
  const given = Buffer.from(v1, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "mismatch" };
  // Seconds in practice (the SDK and the examples); milliseconds if a value that large ever comes.
  const tsMs = Number(ts) > 1e12 ? Number(ts) : Number(ts) * 1000;
  if (Math.abs(input.now - tsMs) > (input.toleranceMs ?? 5 * 60_000)) return { ok: false, reason: "stale" };
  return { ok: true, ts: tsMs };
}
