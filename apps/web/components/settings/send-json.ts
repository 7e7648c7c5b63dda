// The dashboard's mutations go through the REST API (cookies carry the session). Errors come back as
// { error: { code, message, fields? } } in Spanish: the caller shows them next to the control.
// PLAN_REQUIRED (403) also carries which feature and plan: forms show it as <PlanUpgrade>, not as an error.
export type ApiFailure = { message: string; fields: Record<string, string>; code?: string; planRequired?: { feature: string; requiredPlan: string } };
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
    const error = (data as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null)?.error;
    const message = error?.message ?? "No se pudo completar la acción. Probá de nuevo.";
    if (error?.code === "PLAN_REQUIRED") {
      const { feature = "", requiredPlan = "" } = error.fields ?? {};
      // The fields name the feature, not a form field: kept out of `fields` so no input shows them as its error.
      return { ok: false, error: { message, fields: {}, code: error.code, planRequired: { feature, requiredPlan } } };
    }
    return { ok: false, error: { message, fields: error?.fields ?? {}, ...(error?.code ? { code: error.code } : {}) } };
  }
  return { ok: true, data: data as T };
}
