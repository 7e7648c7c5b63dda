import type { HeaderReader } from "../../lib/header-reader";
import { acceptMercadoPagoWebhook } from "../payments/accept-mercadopago-webhook";
import { acceptDialog360Webhook } from "./accept-dialog360-webhook";
import { acceptMetaWebhook } from "./accept-meta-webhook";
import { acceptTwilioWebhook } from "./accept-twilio-webhook";

export type WebhookInput = { rawBody: Buffer; headers: HeaderReader; url: URL };
export type WebhookAnswerKind = "json" | "twiml";
export type WebhookEndpoint = {
  /** The provider label of the ack metrics and samples (whatsapp is Meta's Cloud API). */
  provider: "meta" | "dialog360" | "twilio" | "mercadopago";
  /** Twilio expects TwiML; everyone else gets JSON. */
  answer: WebhookAnswerKind;
  accept: (input: WebhookInput) => Promise<{ jobId: string }>;
};

/**
 * Every provider webhook we serve, by path: the one table both hosts read — the Next routes under
 * apps/web/app/api/webhooks/** and the lean ingest process (apps/ingest) — so the same bytes reach the same domain
 * function with the same arguments whichever host took the request.
 */
export const WEBHOOK_ENDPOINTS = {
  "/api/webhooks/whatsapp": {
    provider: "meta",
    answer: "json",
    accept: ({ rawBody, headers, url }) => acceptMetaWebhook({ rawBody, headers, path: url.pathname }),
  },
  "/api/webhooks/dialog360": {
    provider: "dialog360",
    answer: "json",
    accept: ({ rawBody, headers, url }) =>
      acceptDialog360Webhook({ rawBody, headers, path: url.pathname, organizationId: url.searchParams.get("orgId") }),
  },
  // Inbound messages ("A message comes in" on the WhatsApp sender).
  "/api/webhooks/twilio": {
    provider: "twilio",
    answer: "twiml",
    accept: ({ rawBody, headers, url }) =>
      acceptTwilioWebhook({ rawBody, headers, path: url.pathname, kind: "message", pathWithQuery: url.pathname + url.search }),
  },
  // Status callbacks of the messages we send (StatusCallback on each send).
  "/api/webhooks/twilio/status": {
    provider: "twilio",
    answer: "twiml",
    accept: ({ rawBody, headers, url }) =>
      acceptTwilioWebhook({ rawBody, headers, path: url.pathname, kind: "status", pathWithQuery: url.pathname + url.search }),
  },
  "/api/webhooks/mercadopago": {
    provider: "mercadopago",
    answer: "json",
    accept: ({ rawBody, headers, url }) => acceptMercadoPagoWebhook({ rawBody, headers, url }),
  },
} as const satisfies Record<string, WebhookEndpoint>;

export type WebhookPath = keyof typeof WEBHOOK_ENDPOINTS;

/** The endpoint serving `path` (exact match, no trailing slash), if any. */
export function findWebhookEndpoint(path: string): WebhookEndpoint | undefined {
  return Object.hasOwn(WEBHOOK_ENDPOINTS, path) ? WEBHOOK_ENDPOINTS[path as WebhookPath] : undefined;
}
