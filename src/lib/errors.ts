// One error type for the whole platform. The code decides the HTTP status and the es-AR message people see;
// `detail` is for logs and operators, never shown to customers.
export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, message: "Los datos enviados no son válidos." },
  INVALID_CUIT: { status: 400, message: "El CUIT no es válido: revisá el dígito verificador." },
  INVALID_PHONE: { status: 400, message: "El número de teléfono no es un celular argentino válido." },
  INVALID_TIER: { status: 400, message: "El plan indicado no existe." },
  UNAUTHENTICATED: { status: 401, message: "Tenés que iniciar sesión." },
  INVALID_SIGNATURE: { status: 401, message: "Firma inválida." },
  FORBIDDEN: { status: 403, message: "No tenés permiso para hacer esto." },
  PLAN_REQUIRED: { status: 403, message: "Tu plan no incluye esta función: mejorá el plan para usarla." },
  CROSS_SITE_REQUEST: { status: 403, message: "El pedido no viene de CampoTech: recargá la página e intentá de nuevo." },
  NOT_FOUND: { status: 404, message: "No encontramos lo que buscás." },
  CONFLICT: { status: 409, message: "Ya existe un registro con esos datos." },
  GONE: { status: 410, message: "Esto ya no está disponible." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "El contenido es demasiado grande." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "El cuerpo tiene que ser JSON (Content-Type: application/json)." },
  TEMPLATE_REQUIRED: {
    status: 422,
    message: "Pasaron más de 24 horas desde el último mensaje del cliente: usá una plantilla aprobada.",
  },
  TEMPLATE_NOT_APPROVED: {
    status: 422,
    message: "La plantilla no existe o todavía no fue aprobada por WhatsApp.",
  },
  OPTED_OUT: {
    status: 422,
    message: "El cliente pidió no recibir mensajes: solo se le puede responder cuando escriba.",
  },
  LIMIT_REACHED: { status: 429, message: "Llegaste al límite de mensajes de tu plan este mes." },
  RATE_LIMITED: { status: 429, message: "Demasiados intentos. Probá de nuevo en unos minutos." },
  OTP_LOCKED: { status: 429, message: "Ingresaste mal el código demasiadas veces. Pedí uno nuevo en unos minutos." },
  AUDIT_CHAIN_BROKEN: { status: 409, message: "La cadena del registro de auditoría está rota." },
  SERVICE_UNAVAILABLE: { status: 503, message: "El servicio no está disponible. Probá de nuevo en unos segundos." },
  INTERNAL: { status: 500, message: "Ocurrió un error inesperado. Ya lo estamos revisando." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; detail?: string; cause?: unknown; fields?: Record<string, string> } = {},
  ) {
    super(options.message ?? ERROR_CATALOG[code].message, { cause: options.cause });
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.detail = options.detail;
    this.fields = options.fields;
  }

  toJSON(): { error: { code: ErrorCode; message: string; fields?: Record<string, string> } } {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// Anything unknown becomes INTERNAL so that stack traces and driver messages never reach a client.
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError("INTERNAL", { cause: error, detail: error instanceof Error ? error.message : String(error) });
}
