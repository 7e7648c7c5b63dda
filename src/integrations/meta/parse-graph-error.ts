import { classifyProviderError, parseRetryAfter } from "../whatsapp/classify-provider-error";
import { isRecord, parseJson, type HttpResponse } from "../whatsapp/http-request";
import type { ProviderError } from "../whatsapp/types";

// Graph error body: {error:{message, type, code, error_subcode?, error_data:{details}, is_transient?, fbtrace_id}}.
// 360dialog passes Meta's body through unchanged and adds its own (e.g. 401 {meta:{developer_message}}) on top.
export function parseGraphError(provider: "META_DIRECT" | "DIALOG_360", response: HttpResponse): ProviderError {
  const body = parseJson(response.bytes);
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const errorData = error && isRecord(error.error_data) ? error.error_data : undefined;
  const meta = isRecord(body) && isRecord(body.meta) ? body.meta : undefined;
  const code = error && (typeof error.code === "number" || typeof error.code === "string") ? error.code : undefined;
  const subcode = error?.error_subcode;
  const details = [
    typeof errorData?.details === "string" ? errorData.details : undefined,
    subcode !== undefined ? `subcode ${String(subcode)}` : undefined,
    typeof meta?.developer_message === "string" ? meta.developer_message : undefined,
  ].filter(Boolean);
  return classifyProviderError({
    provider,
    code,
    message: typeof error?.message === "string" ? error.message : undefined,
    details: details.length ? details.join("; ") : undefined,
    httpStatus: response.status,
    isTransient: error?.is_transient === true,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
  });
}
