// Test-only helpers for calling route handlers in-process, the way Next calls them.
import { expect } from "vitest";
import type { Endpoint } from "./define-endpoint";
import { toRouteHandler } from "./to-route-handler";

export const BASE_URL = "http://campotech.test";

export type CallOptions = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; headers?: Record<string, string> };

// Fills {name} placeholders of an OpenAPI-style path.
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
}

export async function call(endpoint: Endpoint, options: CallOptions = {}): Promise<Response> {
  const url = new URL(fillPath(endpoint.path, options.params), BASE_URL);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  // Bytes go as they are (uploads); anything else as JSON.
  const raw = options.body instanceof Uint8Array;
  const request = new Request(url, {
    method: endpoint.method,
    headers: { ...(options.body !== undefined ? { "content-type": raw ? "application/octet-stream" : "application/json" } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: raw ? (options.body as Uint8Array<ArrayBuffer>) : JSON.stringify(options.body) } : {}),
  });
  return toRouteHandler(endpoint)(request, { params: Promise.resolve(options.params ?? {}) });
}

// "name=value; Path=…; HttpOnly" → { name, value, attributes }.
export function parseSetCookies(response: Response) {
  return response.headers.getSetCookie().map((line) => {
    const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
    const [name = "", ...value] = pair.split("=");
    return { name, value: decodeURIComponent(value.join("=")), attributes };
  });
}

// The body of a response that must have this status (the body is the failure message when it has not).
export async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}
