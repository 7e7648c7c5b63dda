import { networkError, timeoutError } from "./classify-provider-error";
import type { BspProvider, ProviderError } from "./types";

export type HttpResponse = { status: number; headers: Headers; bytes: Uint8Array };

export type HttpRequest = {
  provider: BspProvider;
  url: string;
  method?: "GET" | "POST" | "DELETE";
  headers?: Record<string, string>;
  body?: RequestInit["body"];
  timeoutMs: number;
};

// One fetch per call with its own deadline. Only transport failures become errors here: HTTP error statuses
// are returned so each provider can parse its own error body.
export async function httpRequest(req: HttpRequest): Promise<{ ok: true; response: HttpResponse } | { ok: false; error: ProviderError }> {
  try {
    const res = await fetch(req.url, {
      method: req.method ?? "GET",
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    // Reading the body is covered by the same signal, so a server that stalls mid-body also times out.
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { ok: true, response: { status: res.status, headers: res.headers, bytes } };
  } catch (cause) {
    if (isTimeout(cause)) return { ok: false, error: timeoutError(req.provider, req.timeoutMs) };
    return { ok: false, error: networkError(req.provider, cause) };
  }
}

function isTimeout(cause: unknown): boolean {
  return cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
}

export function parseJson(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
