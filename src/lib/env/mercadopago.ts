import { z } from "zod";

// MercadoPago (reference/ARGENTINA.md §5): the platform's application (marketplace mode: each organization links its
// own seller account by OAuth), its webhook signing secret, and the hosts. Defaults are MercadoPago's own; .env.example
// points them at the local sandbox.
export const mercadoPagoEnv = z.object({
  MERCADOPAGO_API_URL: z.url().default("https://api.mercadopago.com"),
  MERCADOPAGO_AUTH_URL: z.url().default("https://auth.mercadopago.com"),
  MERCADOPAGO_CLIENT_ID: z.string().min(1).default("sandbox-mp-client-id"),
  MERCADOPAGO_CLIENT_SECRET: z.string().min(1).default("sandbox-mp-client-secret"),
  // "Clave secreta" of Tus integraciones → Webhooks: signs every notification (x-signature).
  MERCADOPAGO_WEBHOOK_SECRET: z.string().min(1).default("sandbox-mp-webhook-secret"),
  // How long a payment link stays payable.
  MERCADOPAGO_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(60).default(7),
});
