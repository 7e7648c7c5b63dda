import type { IncomingMessage } from "node:http";

export type ParsedBody =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "invalid-json"; text: string }
  | { kind: "form"; fields: Record<string, string | string[]> }
  | { kind: "multipart"; fields: Record<string, string>; files: UploadedFile[] }
  | { kind: "text"; text: string };

export type UploadedFile = { field: string; filename: string; mimeType: string; data: Buffer };

export type RequestContext = {
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: Record<string, string>;
  rawBody: Buffer;
  body: ParsedBody;
  /** Base URL the client used to reach us (for URLs we hand back in responses). */
  origin: string;
  /** Aborted when the client disconnects or the sandbox closes; "timeout" faults wait on it. */
  signal: AbortSignal;
};

// Handlers return data, the server writes it (and records it for provider routes).
export type Reply = {
  status: number;
  json?: unknown;
  text?: string;
  bytes?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** The client went away (timeout fault); nothing is written. */
  dropped?: boolean;
};

export type Handler = (ctx: RequestContext) => Promise<Reply> | Reply;

export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, json: value, ...(headers ? { headers } : {}) };
}
