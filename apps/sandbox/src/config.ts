import { defaultArcaConfig, type ArcaConfig } from "./arca/config.ts";
import type { SandboxEnv } from "./env.ts";
import { defaultMercadoPagoConfig, type MercadoPagoConfig } from "./mercadopago/config.ts";

export type OutOfOrderMode = "read-before-delivered" | "omit-delivered" | "reverse";

// Everything that shapes the sandbox's behaviour. Secrets and URLs come from env; the behaviour knobs can be changed at
// runtime through POST /_sandbox/config and go back to their start values on reset.
export type SandboxConfig = {
  /** Where the platform's webhook routes live (default numbers' webhook URLs are built from it). */
  publicBaseUrl: string;
  /** Base URL the sandbox puts in media URLs; defaults to the URL it listens on. */
  sandboxPublicUrl?: string;
  metaAppSecret: string;
  metaGraphApiVersion: string;
  dialog360WebhookSecret: string;
  /** 360dialog Partner API: the partner id in every path and the x-api-key it accepts. */
  dialog360PartnerId: string;
  dialog360PartnerApiKey: string;
  twilioAccountSid: string;
  twilioAuthToken: string;
  /** Delay from acceptance to each status webhook; null disables that status. */
  statusDelaysMs: { sent: number; delivered: number | null; read: number | null };
  /** Buffer status webhooks per number and send them together every batchWindowMs. */
  batchStatuses: boolean;
  batchWindowMs: number;
  /** true means "read-before-delivered". */
  outOfOrder: boolean | OutOfOrderMode;
  /** Deliver every webhook POST twice, byte for byte. */
  duplicateDeliveries: boolean;
  webhookRetry: { baseMs: number; maxAttempts: number };
  webhookTimeoutMs: number;
  /** PENDING → APPROVED delay for created templates; null keeps them PENDING. */
  templateApprovalDelayMs: number | null;
  /** Meta rejects free-form sends outside the 24 h window with an async 131047 (off by default; Twilio always enforces 63016). */
  metaEnforceWindow: boolean;
  /** Escape "/" as "\/" in Meta webhook bodies, as Meta's PHP-style encoder does; signatures cover the escaped bytes. */
  metaEscapeSlashes: boolean;
  /** ARCA (WSAA + WSFEv1) knobs; runtime changes go through POST /_sandbox/arca/config. */
  arca: ArcaConfig;
  /** MercadoPago knobs (fixed sandbox credentials included); runtime changes go through POST /_sandbox/mercadopago/config. */
  mercadopago: MercadoPagoConfig;
};

export type RuntimeConfigKey =
  | "statusDelaysMs"
  | "batchStatuses"
  | "batchWindowMs"
  | "outOfOrder"
  | "duplicateDeliveries"
  | "webhookRetry"
  | "webhookTimeoutMs"
  | "templateApprovalDelayMs"
  | "metaEnforceWindow"
  | "metaEscapeSlashes";

export function configFromEnv(env: SandboxEnv): SandboxConfig {
  return {
    publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ""),
    ...(env.SANDBOX_PUBLIC_URL ? { sandboxPublicUrl: env.SANDBOX_PUBLIC_URL.replace(/\/+$/, "") } : {}),
    metaAppSecret: env.META_APP_SECRET,
    metaGraphApiVersion: env.META_GRAPH_API_VERSION,
    dialog360WebhookSecret: env.DIALOG360_WEBHOOK_SECRET,
    dialog360PartnerId: env.DIALOG360_PARTNER_ID,
    dialog360PartnerApiKey: env.DIALOG360_PARTNER_API_KEY,
    twilioAccountSid: env.TWILIO_ACCOUNT_SID,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN,
    statusDelaysMs: { sent: 100, delivered: 300, read: 800 },
    batchStatuses: false,
    batchWindowMs: 1000,
    outOfOrder: false,
    duplicateDeliveries: false,
    webhookRetry: { baseMs: 1000, maxAttempts: 6 },
    webhookTimeoutMs: 10_000,
    templateApprovalDelayMs: 2000,
    metaEnforceWindow: false,
    metaEscapeSlashes: true,
    arca: defaultArcaConfig(),
    mercadopago: defaultMercadoPagoConfig(),
  };
}
