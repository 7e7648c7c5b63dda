import { createHmac } from "node:crypto";

// x-signature (ARGENTINA.md §5.3): HMAC-SHA256 with the application's secret over
// "id:<data.id>;request-id:<x-request-id>;ts:<ts>;", lowercase hex, sent as "ts=<unix seconds>,v1=<hex>".
// A part whose value is missing is left out of the manifest, as the SDK's buildManifest does; an alphanumeric data.id is
// lowercased, as the documentation asks receivers to do.

export type SignatureInput = { dataId?: string; requestId?: string; ts: string };

export function signatureManifest(input: SignatureInput): string {
  let manifest = "";
  if (input.dataId) manifest += `id:${/^[a-z0-9]+$/i.test(input.dataId) ? input.dataId.toLowerCase() : input.dataId};`;
  if (input.requestId) manifest += `request-id:${input.requestId};`;
  return `${manifest}ts:${input.ts};`;
}

export function signatureV1(secret: string, input: SignatureInput): string {
  return createHmac("sha256", secret).update(signatureManifest(input)).digest("hex");
}

export function mercadoPagoSignature(secret: string, input: SignatureInput): string {
  return `ts=${input.ts},v1=${signatureV1(secret, input)}`;
}
