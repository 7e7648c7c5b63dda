import { NextResponse } from "next/server";
import { toAppError } from "@campotech/core/lib/errors";
import { logger } from "@campotech/core/lib/logger";
import { reportError } from "@campotech/core/lib/observability/error-reporting";

// Maps a thrown error to the JSON error shape and status of its AppError code; unknown errors become a 500 with a
// Spanish message and are logged with the request id, never returned.
export function errorResponse(error: unknown, requestId: string, organizationId?: string): NextResponse {
  const appError = toAppError(error);
  if (appError.status >= 500) {
    logger.error({ requestId, code: appError.code, err: appError.detail }, "request failed");
    reportError(error, { requestId, organizationId }); // issue 20 (sentry): a no-op without SENTRY_DSN
  }
  return NextResponse.json(appError.toJSON(), { status: appError.status, headers: { "x-request-id": requestId } });
}

// A caller's own request id is kept only when it looks like one (it ends up in logs and response headers).
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
}
