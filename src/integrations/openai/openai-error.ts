// Every failure of an OpenAI call comes back as this one error. The assistant falls back to the offline engine on
// any kind; the kind says why (metrics, alerts: "auth" means a bad or revoked key, not a bad moment).
export type OpenAiErrorKind = "timeout" | "rate_limited" | "auth" | "bad_request" | "server" | "network";

export class OpenAiError extends Error {
  override name = "OpenAiError";
  readonly kind: OpenAiErrorKind;
  /** HTTP status when the server answered. */
  readonly status: number | undefined;
  /** OpenAI's error code ("rate_limit_exceeded", "insufficient_quota", "invalid_api_key", …) when it sent one. */
  readonly code: string | undefined;

  constructor(kind: OpenAiErrorKind, message: string, options: { status?: number; code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.code = options.code;
  }
}

export function isOpenAiError(error: unknown): error is OpenAiError {
  return error instanceof OpenAiError;
}
