import type { Reply } from "../http/types.ts";
import { causeData } from "./mp-time.ts";

// MercadoPago's error bodies: {"message","error","status","cause":[{"code","description","data"}]}. The API always
// answers them in English.

export function mpError(status: number, error: string, message: string, causes: { code: number | string; description: string }[] = []): Reply {
  return {
    status,
    json: { message, error, status, cause: causes.map((c) => ({ code: c.code, description: c.description, data: causeData(Date.now()) })) },
  };
}

/** No Authorization header (or not a Bearer). */
export function missingToken(): Reply {
  return mpError(401, "unauthorized", "Must provide your access_token to proceed", [{ code: 5, description: "Must provide your access_token to proceed" }]);
}

/** Unknown, expired or revoked access token. */
export function invalidToken(): Reply {
  return { status: 401, json: { message: "invalid access token", error: "unauthorized", status: 401, cause: [] } };
}

export function paymentNotFound(): Reply {
  return mpError(404, "not_found", "Payment not found", [{ code: 2000, description: "Payment not found" }]);
}

/** The preferences API's validation errors carry the reason in `message` and an empty cause. */
export function preferenceError(error: string, message: string, status = 400): Reply {
  return { status, json: { message, error, status, cause: [] } };
}

/** POST /oauth/token errors: {"message","error","status","cause":[]}. */
export function oauthError(error: string, message: string, status = 400): Reply {
  return { status, json: { message, error, status, cause: [] } };
}

export const INVALID_GRANT_MESSAGE = "Error validating grant. Your authorization code or refresh token may be expired or it was already used.";

export function routeNotFound(path: string): Reply {
  return { status: 404, json: { message: `Resource ${path} not found.`, error: "not_found", status: 404, cause: [] } };
}
