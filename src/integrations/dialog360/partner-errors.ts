import { AppError, type ErrorCode } from "../../lib/errors";
import { isRecord, parseJson, type HttpResponse } from "../whatsapp/http-request";
import type { ProviderError } from "../whatsapp/types";

// The Partner API answers errors in 360dialog's envelope {meta:{http_code, developer_message, error_code}}. Each
// error_code becomes an AppError with the reason people read in Spanish; the partner's own code stays in `detail`
// (partnerErrorCode reads it back) so use-cases can react to a specific one without parsing messages.

const REASONS: Record<string, { code: ErrorCode; message: string }> = {
  number_not_found: { code: "CONFLICT", message: "Ese número ya no está disponible: elegí otro de la lista." },
  number_unavailable: { code: "CONFLICT", message: "Ese número ya no está disponible: elegí otro de la lista." },
  reservation_not_found: { code: "GONE", message: "La reserva del número venció: elegí un número de nuevo." },
  reservation_expired: { code: "GONE", message: "La reserva del número venció: elegí un número de nuevo." },
  reservation_verified: { code: "CONFLICT", message: "Ese número ya está activo." },
  code_not_requested: { code: "CONFLICT", message: "Primero pedí el código de verificación." },
  invalid_code: { code: "VALIDATION_FAILED", message: "El código no es correcto: revisá el SMS e intentá de nuevo." },
  code_expired: { code: "GONE", message: "El código venció: pedí uno nuevo." },
  too_many_attempts: { code: "OTP_LOCKED", message: "Ingresaste mal el código demasiadas veces: pedí uno nuevo." },
  too_many_codes: { code: "RATE_LIMITED", message: "Pediste demasiados códigos para este número: elegí el número de nuevo en unos minutos." },
  channel_not_found: { code: "GONE", message: "El número ya fue liberado." },
  channel_released: { code: "GONE", message: "El número ya fue liberado." },
  invalid_request: { code: "VALIDATION_FAILED", message: "360dialog rechazó el pedido: revisá los datos." },
};

const UNAVAILABLE = "360dialog no responde: probá de nuevo en unos minutos.";
const MISCONFIGURED = "No pudimos conectarnos con 360dialog para darte un número. Ya avisamos a soporte.";

export function partnerHttpError(response: HttpResponse): AppError {
  const body = parseJson(response.bytes);
  const meta = isRecord(body) && isRecord(body.meta) ? body.meta : {};
  const errorCode = typeof meta.error_code === "string" ? meta.error_code : `http_${response.status}`;
  const message = typeof meta.developer_message === "string" ? meta.developer_message : "";
  const detail = `dialog360-partner error_code=${errorCode} http=${response.status} ${message}`.trim();
  const known = REASONS[errorCode];
  if (known) {
    const attemptsLeft = typeof meta.attempts_left === "number" ? meta.attempts_left : undefined;
    const fields: Record<string, string> | undefined = errorCode === "invalid_code" ? { code: known.message } : undefined;
    return new AppError(known.code, {
      message: attemptsLeft !== undefined ? `${known.message} Te quedan ${attemptsLeft} intentos.` : known.message,
      detail,
      ...(fields ? { fields } : {}),
    });
  }
  // 401/403: our partner key or id is wrong — the customer cannot fix that, operators must.
  if (response.status === 401 || response.status === 403) return new AppError("SERVICE_UNAVAILABLE", { message: MISCONFIGURED, detail });
  if (response.status === 404) return new AppError("NOT_FOUND", { message: "360dialog no encontró ese recurso.", detail });
  return new AppError("SERVICE_UNAVAILABLE", { message: UNAVAILABLE, detail });
}

export function partnerTransportError(error: ProviderError): AppError {
  return new AppError("SERVICE_UNAVAILABLE", { message: UNAVAILABLE, detail: `dialog360-partner error_code=${error.code} ${error.title}` });
}

/** The partner's error_code behind an AppError this client threw ("invalid_code", "timeout", …), or undefined. */
export function partnerErrorCode(error: unknown): string | undefined {
  if (!(error instanceof AppError) || !error.detail?.startsWith("dialog360-partner ")) return undefined;
  return /error_code=(\S+)/.exec(error.detail)?.[1];
}
