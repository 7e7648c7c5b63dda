// What MercadoPago answered when it was not a result: the HTTP status, MP's own error code ("invalid_grant",
// "unauthorized", "bad_request"…) and its message, verbatim. `transient` says a retry may succeed as is.
export class MercadoPagoError extends Error {
  override name = "MercadoPagoError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  // The seller's authorization is gone (revoked, password changed): the organization must link again.
  get revoked(): boolean {
    return this.status === 401 || this.code === "invalid_grant";
  }
}

export function toMercadoPagoError(error: unknown): MercadoPagoError {
  if (error instanceof MercadoPagoError) return error;
  const e = error as { status?: number; statusCode?: number; error?: string; code?: string; message?: string; cause?: unknown; name?: string };
  const status = e.status ?? e.statusCode ?? (e.name === "AbortError" || /abort|timeout|ECONN|fetch failed/i.test(e.message ?? "") ? 0 : 500);
  return new MercadoPagoError(status, e.error ?? e.code ?? (status === 0 ? "network" : "error"), e.message ?? "MercadoPago no respondió");
}
