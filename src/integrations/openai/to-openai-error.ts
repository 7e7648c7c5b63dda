import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { OpenAiError } from "./openai-error";

// Error bodies may echo a masked key ("Incorrect API key provided: sk-abc***wxyz"); even masked, it stays out of our
// messages and logs.
function redactKeys(text: string): string {
  return text.replace(/\bsk-[\w*.-]+/g, "sk-[REDACTED]");
}

/** Maps whatever the SDK (or our deadline) threw to one OpenAiError. `deadlineHit` wins: the SDK only sees an abort. */
export function toOpenAiError(error: unknown, context: { what: string; timeoutMs: number; deadlineHit: boolean; callerAborted: boolean }): OpenAiError {
  if (error instanceof OpenAiError) return error;
  if (context.deadlineHit || error instanceof APIConnectionTimeoutError) {
    return new OpenAiError("timeout", `${context.what}: no answer within ${context.timeoutMs} ms`, { cause: error });
  }
  // The caller's signal is its own deadline (the turn was abandoned): the same fallback as a timeout.
  if (context.callerAborted || error instanceof APIUserAbortError) {
    return new OpenAiError("timeout", `${context.what}: cancelled by the caller`, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new OpenAiError("network", `${context.what}: connection failed (${redactKeys(error.message)})`, { cause: error });
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const options = { status, cause: error, ...(error.code ? { code: error.code } : {}) };
    const message = `${context.what}: ${redactKeys(error.message)}`;
    if (status === 401 || status === 403) return new OpenAiError("auth", message, options);
    // insufficient_quota is a 429 too; `code` tells it apart from a momentary limit.
    if (status === 429) return new OpenAiError("rate_limited", message, options);
    if (status === 408) return new OpenAiError("timeout", message, options);
    if (status >= 500) return new OpenAiError("server", message, options);
    return new OpenAiError("bad_request", message, options);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new OpenAiError("network", `${context.what}: ${redactKeys(detail)}`, { cause: error });
}
