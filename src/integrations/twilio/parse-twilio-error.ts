import { classifyProviderError, parseRetryAfter } from "../whatsapp/classify-provider-error";
import { isRecord, parseJson, type HttpResponse } from "../whatsapp/http-request";
import type { ProviderError } from "../whatsapp/types";

// Twilio's REST error body: {code, message, more_info, status}.
export function parseTwilioError(response: HttpResponse): ProviderError {
  const body = parseJson(response.bytes);
  const code = isRecord(body) && (typeof body.code === "number" || typeof body.code === "string") ? body.code : undefined;
  const message = isRecord(body) && typeof body.message === "string" ? body.message : undefined;
  const moreInfo = isRecord(body) && typeof body.more_info === "string" ? body.more_info : undefined;
  return classifyProviderError({
    provider: "TWILIO",
    code,
    message,
    details: message && moreInfo ? `${message} (${moreInfo})` : undefined,
    httpStatus: response.status,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
  });
}
