import { newFbtraceId } from "../ids.ts";
import type { Reply } from "../http/types.ts";

// Meta's error table (reference §3). httpStatus is our plausible choice (reference §8.3: Meta does not document it);
// async codes arrive only as a failed status webhook.
export type MetaErrorDef = { title: string; httpStatus: number; details: string; async?: boolean; subcode?: number; transient?: boolean };

export const META_ERRORS: Record<number, MetaErrorDef> = {
  0: { title: "AuthException", httpStatus: 401, details: "We were unable to authenticate the app user." },
  1: { title: "An unknown error occurred", httpStatus: 500, details: "Invalid request or possible server error.", transient: true },
  2: { title: "An unexpected error has occurred. Please retry your request later.", httpStatus: 503, details: "Temporary due to downtime.", transient: true },
  3: { title: "Application does not have the capability to make this API call.", httpStatus: 403, details: "Capability or permissions issue." },
  4: { title: "Application request limit reached", httpStatus: 429, details: "The app has reached its API call rate limit.", transient: true },
  10: { title: "Permission Denied", httpStatus: 403, details: "Permission is either not granted or has been removed." },
  100: { title: "Invalid parameter", httpStatus: 400, details: "Invalid parameter" },
  190: { title: "Error validating access token: Session has expired", httpStatus: 401, details: "Access token has expired.", subcode: 463 },
  200: { title: "Permissions error", httpStatus: 403, details: "Permission is either not granted or has been removed." },
  368: { title: "Temporarily blocked for policies violations", httpStatus: 403, details: "The WhatsApp Business Account associated with the app has been restricted or disabled for violating a platform policy." },
  80007: { title: "Rate limit issues", httpStatus: 429, details: "The WhatsApp Business Account has reached its rate limit.", transient: true },
  130429: { title: "Rate limit hit", httpStatus: 429, details: "Cloud API message throughput has been reached.", transient: true },
  130472: { title: "User's number is part of an experiment", httpStatus: 400, details: "Failed to send message because this user's phone number is part of an experiment.", async: true },
  130497: { title: "Business account is restricted from messaging users in this country", httpStatus: 400, details: "The WhatsApp Business Account is restricted from messaging users in this country." },
  131000: { title: "Something went wrong", httpStatus: 500, details: "Message failed to send due to an unknown error.", transient: true },
  131005: { title: "Access denied", httpStatus: 403, details: "Permission is either not granted or has been removed." },
  131008: { title: "Required parameter is missing", httpStatus: 400, details: "The request is missing a required parameter." },
  131009: { title: "Parameter value is not valid", httpStatus: 400, details: "One or more parameter values are invalid." },
  131016: { title: "Service unavailable", httpStatus: 503, details: "A service is temporarily unavailable. Please try again later.", transient: true },
  131021: { title: "Recipient cannot be sender", httpStatus: 400, details: "Sender and recipient phone number is the same." },
  131026: { title: "Message undeliverable", httpStatus: 400, details: "Message Undeliverable.", async: true },
  131030: { title: "Recipient phone number not in allowed list", httpStatus: 400, details: "Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again." },
  131031: { title: "Business Account locked", httpStatus: 403, details: "The WhatsApp Business Account associated with the app has been restricted or disabled." },
  131042: { title: "Business eligibility payment issue", httpStatus: 400, details: "There was an error related to your payment method." },
  131047: { title: "Re-engagement message", httpStatus: 400, details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.", async: true },
  131048: { title: "Spam rate limit hit", httpStatus: 400, details: "Message failed to send because there are restrictions on how many messages can be sent from this phone number." },
  131049: { title: "This message was not delivered to maintain healthy ecosystem engagement.", httpStatus: 400, details: "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.", async: true },
  131050: { title: "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.", httpStatus: 400, details: "The recipient has stopped marketing messages.", async: true },
  131051: { title: "Message type unknown", httpStatus: 400, details: "Message type is currently not supported." },
  131052: { title: "Media download error", httpStatus: 400, details: "Unable to download the media sent by the user." },
  131053: { title: "Media upload error", httpStatus: 400, details: "Unable to upload the media used in the message." },
  131056: { title: "(Business Account, Consumer Account) pair rate limit hit", httpStatus: 429, details: "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.", transient: true },
  131057: { title: "Account in maintenance mode", httpStatus: 503, details: "Business Account is in maintenance mode.", transient: true },
  131064: { title: "Messaging limit reached due to template classification violations", httpStatus: 400, details: "Messaging limit reached because of template classification violations." },
  132000: { title: "Number of parameters does not match the expected number of params", httpStatus: 400, details: "The number of variable parameter values included in the request did not match the number of variable parameters defined in the template." },
  132001: { title: "Template name does not exist in the translation", httpStatus: 400, details: "Template name does not exist in the translation." },
  132005: { title: "Translated text too long", httpStatus: 400, details: "Translated text is too long." },
  132007: { title: "Format character policy violated", httpStatus: 400, details: "Template content violates a WhatsApp policy." },
  132008: { title: "Template parameter value is not valid", httpStatus: 400, details: "A template parameter value is not valid." },
  132012: { title: "Parameter format does not match format in the created template", httpStatus: 400, details: "Variable parameter values formatted incorrectly." },
  132015: { title: "Template is Paused", httpStatus: 400, details: "Template is paused due to low quality so it cannot be sent in a template message." },
  132016: { title: "Template is Disabled", httpStatus: 400, details: "Template has been paused too many times due to low quality and is now permanently disabled." },
};

export const ERROR_DOCS_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

export function metaErrorBody(code: number, details?: string, message?: string): Record<string, unknown> {
  const def = META_ERRORS[code] ?? META_ERRORS[131000]!;
  return {
    error: {
      message: message ?? `(#${code}) ${def.title}`,
      type: "OAuthException",
      code,
      ...(def.subcode !== undefined ? { error_subcode: def.subcode } : {}),
      error_data: { messaging_product: "whatsapp", details: details ?? def.details },
      ...(def.transient ? { is_transient: true } : {}),
      fbtrace_id: newFbtraceId(),
    },
  };
}

export function metaError(code: number, details?: string, message?: string): Reply {
  const status = META_ERRORS[code]?.httpStatus ?? 400;
  return { status, json: metaErrorBody(code, details, message), headers: graphHeaders() };
}

/** Graph's generic (#100) parameter errors carry the problem in the message, not in error_data. */
export function graphParamError(message: string): Reply {
  return {
    status: 400,
    json: { error: { message: `(#100) ${message}`, type: "OAuthException", code: 100, fbtrace_id: newFbtraceId() } },
    headers: graphHeaders(),
  };
}

export function invalidTokenError(): Reply {
  return {
    status: 401,
    json: {
      error: {
        message: "Invalid OAuth access token - Cannot parse access token",
        type: "OAuthException",
        code: 190,
        fbtrace_id: newFbtraceId(),
      },
    },
    headers: { ...graphHeaders(), "www-authenticate": 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token"' },
  };
}

export function unknownObjectError(id: string, method: "post" | "get" | "delete"): Reply {
  return {
    status: 400,
    json: {
      error: {
        message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        type: "GraphMethodException",
        code: 100,
        error_subcode: 33,
        fbtrace_id: newFbtraceId(),
      },
    },
    headers: graphHeaders(),
  };
}

/** Webhook-side error object (statuses[].errors[], value.errors[]). */
export function webhookError(code: number, details?: string): Record<string, unknown> {
  const def = META_ERRORS[code] ?? META_ERRORS[131000]!;
  return { code, title: def.title, message: def.title, error_data: { details: details ?? def.details }, href: ERROR_DOCS_HREF };
}

export function graphHeaders(): Record<string, string> {
  return { "x-fb-trace-id": newFbtraceId(), "facebook-api-version": "v24.0" };
}

/** Graph's generic transient error body (timeouts, unknown errors) with only code and message. */
export function newFbtraceIdBody(code: number, message: string): Record<string, unknown> {
  return { error: { message, type: "OAuthException", code, is_transient: true, fbtrace_id: newFbtraceId() } };
}
