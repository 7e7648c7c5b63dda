// Public API of the WhatsApp provider layer: everything outside src/integrations imports from here.
export { createWhatsAppProvider } from "./create-whatsapp-provider";
export type { CreateWhatsAppProviderOptions, WhatsAppAccountInput } from "./create-whatsapp-provider";
export {
  classifyProviderError,
  META_ERROR_RULES,
  TWILIO_ERROR_RULES,
} from "./classify-provider-error";
export type { RawProviderError } from "./classify-provider-error";
export { validateOutboundMessage, assertValidOutboundMessage, WHATSAPP_LIMITS } from "./validate-outbound-message";
export type { ValidationIssue } from "./validate-outbound-message";
export { providerCapabilities } from "./provider-capabilities";
export { toCloudApiRecipient, alternateArgentineRecipient } from "./to-cloud-api-recipient";
export type { ArgentineRecipientMode } from "./to-cloud-api-recipient";
export { sendWithArgentineFallback } from "./send-with-argentine-fallback";
export { DEFAULT_TIMEOUT_MS } from "./types";
export type {
  BspProvider,
  ClientConfig,
  DownloadedMedia,
  DownloadMediaResult,
  HealthCheckResult,
  MarkAsReadResult,
  ProviderAction,
  ProviderCapabilities,
  ProviderError,
  Result,
  SendInput,
  SendResult,
  UploadMediaInput,
  UploadMediaResult,
  WhatsAppBSPProvider,
} from "./types";
