import type { OutboundContent, OutboundContentType } from "../../contracts/whatsapp";

export type BspProvider = "META_DIRECT" | "DIALOG_360" | "TWILIO";

// What the caller should do after a failed call (reference/WHATSAPP.md §3):
// retry            the same message later, with backoff (rate limits, 5xx, timeouts, transient Meta errors)
// retry_recipient  only this recipient, after retryAfterMs (pair rate limit); other recipients are fine
// use_template     the customer-service window is closed: send an approved template instead
// halt             the channel itself is broken (token, account locked, billing): stop sending and alert (panic mode)
// fail             this message will never go through as is: mark it failed, do not retry
export type ProviderAction = "retry" | "retry_recipient" | "use_template" | "halt" | "fail";

export type ProviderError = {
  provider: BspProvider;
  // The provider's own code as a string ("131047", "63016"), or ours: "http_503", "timeout", "network_error".
  code: string;
  title: string;
  details?: string;
  httpStatus?: number;
  action: ProviderAction;
  retryAfterMs?: number;
};

export type Result<T> = ({ ok: true } & T) | { ok: false; error: ProviderError };

export type SendInput = {
  to: string;
  content: OutboundContent;
  replyToMessageId?: string;
  callbackData?: string;
};

export type SendResult = Result<{ providerMessageId: string; recipientWaId?: string }>;

// `skipped` explains a successful no-op (a provider without read receipts).
export type MarkAsReadResult = Result<{ skipped?: string }>;

export type UploadMediaInput = { bytes: Uint8Array; mimeType: string; filename?: string };
export type UploadMediaResult = Result<{ mediaId: string }>;

export type DownloadedMedia = { bytes: Uint8Array; mimeType: string; sha256?: string; fileSize: number };
export type DownloadMediaResult = Result<DownloadedMedia>;

export type HealthCheckResult = { healthy: boolean; details: Record<string, unknown> };

// What a provider can send at all, so callers can choose another content type before sending
// (e.g. a text with a maps link instead of a location) instead of catching VALIDATION_FAILED.
export type ProviderCapabilities = {
  contentTypes: ReadonlySet<OutboundContentType>;
  mediaById: boolean;
  replyContext: boolean;
  readReceipts: boolean;
};

// The interface the rest of the platform uses, whatever the BSP. Network and provider failures come back as
// `{ ok: false, error }`; content that can never be sent (limits, unsupported on this provider) throws
// AppError("VALIDATION_FAILED") before any request is made.
export type WhatsAppBSPProvider = {
  readonly provider: BspProvider;
  readonly capabilities: ProviderCapabilities;
  send(input: SendInput): Promise<SendResult>;
  markAsRead(messageId: string): Promise<MarkAsReadResult>;
  uploadMedia(input: UploadMediaInput): Promise<UploadMediaResult>;
  downloadMedia(mediaIdOrUrl: string): Promise<DownloadMediaResult>;
  healthCheck(): Promise<HealthCheckResult>;
};

// Per-client overrides; defaults come from env. Tests point baseUrl at a sandbox on a random port.
export type ClientConfig = { baseUrl?: string; apiVersion?: string; timeoutMs?: number };

export const DEFAULT_TIMEOUT_MS = 10_000;
