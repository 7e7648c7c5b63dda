import type { IncomingMessage } from "node:http";
import { parseMultipart } from "./multipart.ts";
import type { ParsedBody } from "./types.ts";

// 110 MB: above Meta's 100 MB document cap, so the size check answers with Meta's error instead of a dropped socket.
const MAX_BODY_BYTES = 110 * 1024 * 1024;

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function parseBody(contentType: string | undefined, raw: Buffer): ParsedBody {
  if (raw.length === 0) return { kind: "none" };
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("multipart/form-data")) {
    const parsed = parseMultipart(contentType ?? "", raw);
    if (parsed) return { kind: "multipart", ...parsed };
    return { kind: "text", text: raw.toString("utf8") };
  }
  if (type.includes("application/x-www-form-urlencoded")) return { kind: "form", fields: parseForm(raw.toString("utf8")) };
  const text = raw.toString("utf8");
  // Graph API clients do not always set a JSON content type; try JSON whenever it is not a form.
  try {
    return { kind: "json", value: JSON.parse(text) as unknown };
  } catch {
    return type.includes("json") ? { kind: "invalid-json", text } : { kind: "text", text };
  }
}

/** Form fields: a single value stays a string, a repeated key (MediaUrl) becomes an array. */
export function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function formValues(fields: Record<string, string | string[]>, key: string): string[] {
  const v = fields[key];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function formValue(fields: Record<string, string | string[]>, key: string): string | undefined {
  return formValues(fields, key)[0];
}
