import type { SyncMutation, SyncPullResponse, SyncPushResponse, SyncUploadResponse } from "../contracts/sync";
import { SyncTransportError, type SyncTransport, type UploadBody } from "./types";

export type FetchTransportOptions = {
  baseUrl: string; // "https://app.campotech.com.ar"
  // The current access token; with refresh: true, a new one (the app rotates its refresh token). null: logged out.
  getToken: (options?: { refresh?: boolean }) => Promise<string | null>;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

// The sync endpoints over fetch (React Native, browsers, Node). One retry with a refreshed token on 401; every other
// failure becomes a SyncTransportError for the engine to classify (retry later or give up on that mutation).
export function createFetchTransport(options: FetchTransportOptions): SyncTransport {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function send(path: string, init: { method: string; body?: string | UploadBody; contentType?: string }): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const token = await options.getToken(attempt > 0 ? { refresh: true } : undefined);
      if (!token) throw new SyncTransportError("http", "Tenés que iniciar sesión.", 401, "UNAUTHENTICATED");
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response: Response;
      try {
        response = await fetchImpl(`${base}${path}`, {
          method: init.method,
          headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(init.contentType ? { "content-type": init.contentType } : {}) },
          ...(init.body !== undefined ? { body: init.body as RequestInit["body"] } : {}),
          signal: controller.signal,
        });
      } catch (error) {
        throw new SyncTransportError("network", error instanceof Error && error.name === "AbortError" ? "El servidor tardó demasiado en responder." : "Sin conexión.");
      } finally {
        clearTimeout(timer);
      }
      if (response.status === 401 && attempt === 0) continue;
      const text = await response.text();
      const body = text ? safeJson(text) : null;
      if (!response.ok) {
        const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
        throw new SyncTransportError("http", error?.message ?? `El servidor respondió ${response.status}.`, response.status, error?.code ?? null);
      }
      return body;
    }
  }

  return {
    pull: (cursor) => send(`/api/sync/pull${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`, { method: "GET" }) as Promise<SyncPullResponse>,
    push: (mutations: SyncMutation[]) => send("/api/sync/push", { method: "POST", body: JSON.stringify({ mutations }), contentType: "application/json" }) as Promise<SyncPushResponse>,
    upload: (sha256: string, mimeType: string, body: UploadBody) =>
      send(`/api/sync/uploads/${sha256}`, { method: "PUT", body, contentType: mimeType }) as Promise<SyncUploadResponse>,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
