// One error type for everything ARCA answers that is not a result: WSAA faults (coe.alreadyAuthenticated…), WSFE
// request-level errors (600 token, 502 Transacción Activa…), HTTP failures and timeouts. `transient` says whether the
// same call may succeed later without anyone fixing anything.
export type ArcaErrorKind = "fault" | "wsfe_error" | "http" | "timeout" | "network";

export class ArcaError extends Error {
  override name = "ArcaError";
  constructor(
    readonly kind: ArcaErrorKind,
    readonly code: string,
    message: string,
    readonly details: { status?: number; service?: "wsaa" | "wsfe"; method?: string; errors?: { code: number; message: string }[] } = {},
  ) {
    super(message);
  }

  get transient(): boolean {
    if (this.kind === "timeout" || this.kind === "network") return true;
    if (this.kind === "http") return (this.details.status ?? 500) >= 500 || this.details.status === 429;
    if (this.kind === "fault") return TRANSIENT_FAULTS.has(this.code);
    return TRANSIENT_WSFE_CODES.has(this.code);
  }
}

// WSAA: its own or the business service's outage (spec: wait 60 s before asking again).
const TRANSIENT_FAULTS = new Set(["wsaa.unavailable", "wsaa.internalError", "wsn.unavailable", "soap:Server", "Server"]);
// WSFE internal errors; 502 = another request for the same point of sale and type is in flight.
const TRANSIENT_WSFE_CODES = new Set(["500", "501", "502"]);
