// fetch for the dashboard's client components: the session travels in the cookie; errors come back as
// { error: { code, message, fields? } } with a Spanish message ready to show.
export type ApiFailure = { ok: false; message: string; fields?: Record<string, string> };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

export async function callJobsApi<T>(path: string, init?: { method?: string; body?: unknown }): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, {
      method: init?.method ?? "GET",
      headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: payload as T };
    const error = (payload as { error?: { message?: string; fields?: Record<string, string> } } | null)?.error;
    if (response.status === 401) return { ok: false, message: "Tu sesión venció. Recargá la página para volver a ingresar." };
    return { ok: false, message: error?.message ?? "No pudimos completar la operación. Probá de nuevo.", fields: error?.fields };
  } catch {
    return { ok: false, message: "No hay conexión con el servidor. Revisá tu internet y probá de nuevo." };
  }
}

// "Los datos enviados no son válidos." alone says little: add the field messages when the server sent them.
export function describeFailure(failure: ApiFailure): string {
  const fields = failure.fields ? Object.values(failure.fields).filter(Boolean) : [];
  return fields.length ? `${failure.message} ${fields.join(" ")}` : failure.message;
}
