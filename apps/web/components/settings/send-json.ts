// The dashboard's mutations go through the REST API (cookies carry the session). Errors come back as
// { error: { code, message, fields? } } in Spanish: the caller shows them next to the control.
export type ApiFailure = { message: string; fields: Record<string, string> };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

// `headers` adds to the JSON content type (e.g. an Idempotency-Key for a payment or a refund).
export async function sendJson<T>(path: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, error: { message: "No hay conexión con el servidor. Revisá tu internet y probá de nuevo.", fields: {} } };
  }
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (data as { error?: { message?: string; fields?: Record<string, string> } } | null)?.error;
    return { ok: false, error: { message: error?.message ?? "No se pudo completar la acción. Probá de nuevo.", fields: error?.fields ?? {} } };
  }
  return { ok: true, data: data as T };
}
