import { z } from "zod";

// MercadoPago behaviour knobs: start values here (or startSandbox({ config: { mercadopago } })), changed at runtime with
// POST /_sandbox/mercadopago/config, restored on reset. Credentials are fixed, public sandbox values: the real ones
// never reach the sandbox.
export type MercadoPagoConfig = {
  /** Our platform application ("Tus integraciones"). */
  clientId: string;
  clientSecret: string;
  /** The application's "clave secreta" that signs notifications (x-signature). */
  webhookSecret: string;
  /** Shown on the consent page ("<name> quiere acceder a tu cuenta de Mercado Pago"). */
  applicationName: string;
  /** expires_in of access tokens (MercadoPago: 180 days). */
  tokenExpiresInSeconds: number;
  /** Authorization codes live this long (MercadoPago: 10 minutes). */
  codeTtlMs: number;
  /** Shifts the sandbox's "now" for codes, tokens and preference expiry (expiry tests). */
  clockOffsetMs: number;
  /** Failed notifications (non-2xx, connection error, no answer in webhookTimeoutMs) are retried at
   * baseMs × 2^(n-1) up to maxAttempts in total. MercadoPago itself retries every 15 minutes, growing after the 3rd. */
  retry: { baseMs: number; maxAttempts: number };
  /** MercadoPago waits 22 s for the 200/201. */
  webhookTimeoutMs: number;
  /** Send every notification twice (each POST with its own notification id, x-request-id and signature, as MP does). */
  duplicateNotifications: boolean;
  /** Hold a payment's notifications for outOfOrderWindowMs and deliver that batch newest first. */
  outOfOrder: boolean;
  outOfOrderWindowMs: number;
  /** Do not send the next N notifications (logged as dropped; resend them by id). */
  dropNotifications: number;
  /** Sign with this secret instead of webhookSecret (forged-signature tests); null = the real secret. */
  signWithSecret: string | null;
};

export function defaultMercadoPagoConfig(): MercadoPagoConfig {
  return {
    clientId: "sandbox-mp-client-id",
    clientSecret: "sandbox-mp-client-secret",
    webhookSecret: "sandbox-mp-webhook-secret",
    applicationName: "CampoTech",
    tokenExpiresInSeconds: 15_552_000,
    codeTtlMs: 10 * 60 * 1000,
    clockOffsetMs: 0,
    retry: { baseMs: 500, maxAttempts: 4 },
    webhookTimeoutMs: 22_000,
    duplicateNotifications: false,
    outOfOrder: false,
    outOfOrderWindowMs: 200,
    dropNotifications: 0,
    signWithSecret: null,
  };
}

const ms = z.number().int().min(0);

export const mercadoPagoConfigPatchSchema = z
  .object({
    applicationName: z.string().min(1).max(60).optional(),
    tokenExpiresInSeconds: z.number().int().min(1).optional(),
    codeTtlMs: z.number().int().min(1).optional(),
    clockOffsetMs: z.number().int().optional(),
    retry: z.object({ baseMs: ms.optional(), maxAttempts: z.number().int().min(1).max(20).optional() }).strict().optional(),
    webhookTimeoutMs: z.number().int().min(1).optional(),
    duplicateNotifications: z.boolean().optional(),
    outOfOrder: z.boolean().optional(),
    outOfOrderWindowMs: ms.max(60_000).optional(),
    dropNotifications: z.number().int().min(0).optional(),
    signWithSecret: z.string().min(1).nullable().optional(),
  })
  .strict();

export function applyMercadoPagoConfigPatch(config: MercadoPagoConfig, patch: z.infer<typeof mercadoPagoConfigPatchSchema>): MercadoPagoConfig {
  const { retry, ...rest } = patch;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<MercadoPagoConfig>;
  const retryDefined = Object.fromEntries(Object.entries(retry ?? {}).filter(([, v]) => v !== undefined)) as Partial<MercadoPagoConfig["retry"]>;
  return { ...config, ...defined, retry: { ...config.retry, ...retryDefined } };
}

/** What GET /_sandbox/mercadopago/config shows: the knobs, not the client secret or the webhook secret. */
export function configView(config: MercadoPagoConfig): Record<string, unknown> {
  const { clientSecret: _secret, webhookSecret: _webhook, ...rest } = config;
  return rest;
}
