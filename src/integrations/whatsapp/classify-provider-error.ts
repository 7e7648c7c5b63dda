import type { BspProvider, ProviderAction, ProviderError } from "./types";

type Rule = { action: ProviderAction; title: string; retryAfterMs?: number };

// Meta Cloud API codes (also passed through unchanged by 360dialog). reference/WHATSAPP.md §3, one entry per code.
// Meta says to branch on the code, never on the HTTP status or the (soon deprecated) title.
export const META_ERROR_RULES: Record<string, Rule> = {
  "130429": { action: "retry", title: "Throughput reached for this number" },
  "131056": { action: "retry_recipient", title: "Pair rate limit: too many messages to this user", retryAfterMs: 6_000 },
  "4": { action: "retry", title: "App-level Graph API call limit" },
  "80007": { action: "retry", title: "WABA rate limit" },
  "131000": { action: "retry", title: "Something went wrong" },
  "131016": { action: "retry", title: "Service temporarily unavailable" },
  "1": { action: "retry", title: "API unknown error" },
  "2": { action: "retry", title: "API service temporarily down" },
  "131057": { action: "retry", title: "Account in maintenance mode", retryAfterMs: 60_000 },
  "131047": { action: "use_template", title: "More than 24 hours since the customer's last message" },
  "131026": { action: "fail", title: "Message undeliverable" },
  // Meta: resending before 24 h just fails again, so this message is done.
  "131049": { action: "fail", title: "Not delivered to keep ecosystem engagement healthy" },
  // Quality restriction on the number: nothing goes out from it, so the channel stops and someone is alerted.
  "131048": { action: "halt", title: "Spam rate limit: number restricted for quality" },
  "131050": { action: "fail", title: "Customer stopped marketing messages" },
  "131051": { action: "fail", title: "Unsupported message type" },
  // Argentine test numbers: see toCloudApiRecipient / sendWithArgentineFallback.
  "131030": { action: "fail", title: "Recipient not in the allowed list" },
  "131008": { action: "fail", title: "Required parameter missing" },
  "131009": { action: "fail", title: "Parameter value invalid" },
  "131021": { action: "fail", title: "Recipient cannot be the sender" },
  "132000": { action: "fail", title: "Template parameter count mismatch" },
  "132001": { action: "fail", title: "Template does not exist in that language or is not approved" },
  "132005": { action: "fail", title: "Hydrated template text too long" },
  "132007": { action: "fail", title: "Template format policy violated" },
  "132008": { action: "fail", title: "Template parameter value invalid" },
  "132012": { action: "fail", title: "Template parameter format mismatch" },
  "132015": { action: "fail", title: "Template paused for low quality" },
  "132016": { action: "fail", title: "Template disabled permanently" },
  "131064": { action: "fail", title: "Messaging limited for template classification violations" },
  "131042": { action: "halt", title: "Business payment problem" },
  "131031": { action: "halt", title: "Business account locked" },
  "368": { action: "halt", title: "Temporarily blocked for policy violations" },
  "130497": { action: "fail", title: "Business restricted from messaging users in this country" },
  "190": { action: "halt", title: "Access token expired or invalid" },
  "0": { action: "halt", title: "Authentication exception" },
  "3": { action: "halt", title: "API method capability missing" },
  "10": { action: "halt", title: "Permission denied" },
  "130472": { action: "fail", title: "Customer is in a marketing experiment group" },
  // Outside the reference table but seen from Graph and the sandbox.
  "100": { action: "fail", title: "Invalid parameter" },
  "131005": { action: "halt", title: "Access denied" },
  "131052": { action: "fail", title: "Media download error" },
  "131053": { action: "fail", title: "Media upload error" },
};

// Graph's permission block: every code from 200 to 299 means a configuration problem.
function metaPermissionRule(code: string): Rule | undefined {
  const n = Number(code);
  return Number.isInteger(n) && n >= 200 && n <= 299 ? { action: "halt", title: "API permission missing" } : undefined;
}

// Twilio Programmable Messaging codes seen on WhatsApp and SMS sends.
export const TWILIO_ERROR_RULES: Record<string, Rule> = {
  "63016": { action: "use_template", title: "Outside the 24-hour window: use a Content template" },
  "63018": { action: "retry", title: "Rate limit exceeded for the WhatsApp channel" },
  "20429": { action: "retry", title: "Too many requests" },
  "63024": { action: "fail", title: "Invalid message recipient" },
  "21211": { action: "fail", title: "Invalid 'To' phone number" },
  "21614": { action: "fail", title: "'To' number is not a valid mobile number" },
  "21610": { action: "fail", title: "Recipient unsubscribed (STOP)" },
  "21408": { action: "fail", title: "Permission to send to this region is not enabled" },
  "63003": { action: "fail", title: "Channel could not find the recipient" },
  "63021": { action: "fail", title: "Invalid content (e.g. template over 1024 characters)" },
  "63032": { action: "fail", title: "Customer is in a marketing experiment group" },
  "63049": { action: "fail", title: "Meta chose not to deliver this marketing message" },
  "30007": { action: "fail", title: "Message filtered by the carrier" },
  "20003": { action: "halt", title: "Authentication failed" },
  "20005": { action: "halt", title: "Account not active" },
  "63007": { action: "halt", title: "No WhatsApp sender for this 'From' address" },
  "63112": { action: "halt", title: "Meta disabled this WhatsApp Business account" },
  "21606": { action: "halt", title: "'From' is not a message-capable number of this account" },
  "20500": { action: "retry", title: "Twilio internal error" },
  "30003": { action: "fail", title: "Unreachable destination handset" },
  "30005": { action: "fail", title: "Unknown destination handset" },
  "30006": { action: "fail", title: "Landline or unreachable carrier" },
  "30008": { action: "fail", title: "Unknown delivery error" },
};

export type RawProviderError = {
  provider: BspProvider;
  code?: string | number;
  message?: string;
  details?: string;
  httpStatus?: number;
  // Graph's is_transient: Meta's only explicit retry hint, used for codes outside the table.
  isTransient?: boolean;
  retryAfterMs?: number;
};

// The one place that decides what a failure means. Order: the provider's code (table), then Meta's
// is_transient, then the HTTP status (429/5xx retry, 401/403 halt), else fail.
export function classifyProviderError(raw: RawProviderError): ProviderError {
  const code = raw.code === undefined || raw.code === "" ? undefined : String(raw.code);
  const rules = raw.provider === "TWILIO" ? TWILIO_ERROR_RULES : META_ERROR_RULES;
  const rule = code ? (rules[code] ?? (raw.provider === "TWILIO" ? undefined : metaPermissionRule(code))) : undefined;
  const fallbackCode = code ?? (raw.httpStatus ? `http_${raw.httpStatus}` : "unknown");

  let action: ProviderAction;
  if (rule) action = rule.action;
  else if (raw.isTransient) action = "retry";
  else action = actionForHttpStatus(raw.httpStatus);

  const error: ProviderError = {
    provider: raw.provider,
    code: fallbackCode,
    title: rule?.title ?? raw.message ?? `HTTP ${raw.httpStatus ?? "error"}`,
    action,
  };
  const details = raw.details ?? (rule && raw.message && raw.message !== rule.title ? raw.message : undefined);
  if (details) error.details = details;
  if (raw.httpStatus !== undefined) error.httpStatus = raw.httpStatus;
  const retryAfterMs = raw.retryAfterMs ?? rule?.retryAfterMs;
  if (retryAfterMs !== undefined && (action === "retry" || action === "retry_recipient")) error.retryAfterMs = retryAfterMs;
  return error;
}

function actionForHttpStatus(status: number | undefined): ProviderAction {
  if (status === undefined) return "fail";
  if (status === 429 || status >= 500) return "retry";
  // A rejected key or token with no provider code (360dialog's own 401/403): the channel is misconfigured.
  if (status === 401 || status === 403) return "halt";
  return "fail";
}

export function timeoutError(provider: BspProvider, timeoutMs: number): ProviderError {
  return { provider, code: "timeout", title: `No response within ${timeoutMs} ms`, action: "retry" };
}

export function networkError(provider: BspProvider, cause: unknown): ProviderError {
  const details = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return { provider, code: "network_error", title: "Could not reach the provider", details, action: "retry" };
}

// Retry-After is seconds or an HTTP date.
export function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
