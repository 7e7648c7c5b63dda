import { json, type Reply } from "../http/types.ts";
import type { ScriptedError } from "./script.ts";

// OpenAI's error body: {"error":{"message","type","param","code"}}, the shape its SDKs parse into APIError.
export function openAiError(status: number, message: string, options: { type?: string; param?: string | null; code?: string | null } = {}): Reply {
  return json(status, {
    error: { message, type: options.type ?? "invalid_request_error", param: options.param ?? null, code: options.code ?? null },
  });
}

export function missingKeyError(): Reply {
  return openAiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
    { code: "invalid_api_key" },
  );
}

export function incorrectKeyError(key: string): Reply {
  // OpenAI masks the key it echoes: first 3 and last 4 characters.
  const masked = key.length > 8 ? `${key.slice(0, 3)}${"*".repeat(Math.min(key.length - 7, 24))}${key.slice(-4)}` : "****";
  return openAiError(401, `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`, {
    code: "invalid_api_key",
  });
}

// Defaults per status for scripted errors, so `{error:{status:429}}` alone looks like the real thing.
const DEFAULTS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: "Invalid request.", type: "invalid_request_error", code: null },
  401: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" },
  403: { message: "You are not allowed to sample from this model", type: "invalid_request_error", code: null },
  404: { message: "The model does not exist or you do not have access to it.", type: "invalid_request_error", code: "model_not_found" },
  429: {
    message: "Rate limit reached for gpt-4o-mini in organization org-sandbox on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.",
    type: "requests",
    code: "rate_limit_exceeded",
  },
  500: { message: "The server had an error while processing your request. Sorry about that!", type: "server_error", code: null },
  503: { message: "The engine is currently overloaded, please try again later", type: "server_error", code: null },
};

export function scriptedErrorReply(error: ScriptedError): Reply {
  const defaults = DEFAULTS[error.status] ?? (error.status >= 500 ? DEFAULTS[500] : DEFAULTS[400]);
  return openAiError(error.status, error.message ?? defaults?.message ?? "Error", {
    type: error.type ?? defaults?.type ?? "invalid_request_error",
    param: error.param ?? null,
    code: error.code === undefined ? (defaults?.code ?? null) : error.code,
  });
}
