import { z } from "zod";

// Provider base URLs point at apps/sandbox in development and tests, at the real providers in production.
export const metaEnv = z.object({
  META_APP_SECRET: z.string().min(1),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1),
  META_GRAPH_API_URL: z.url(),
  META_GRAPH_API_VERSION: z.string().regex(/^v\d+\.\d+$/, "must look like v24.0"),
});

export const dialog360Env = z.object({
  DIALOG360_API_BASE_URL: z.url(),
  DIALOG360_PARTNER_API_KEY: z.string().min(1),
  DIALOG360_PARTNER_ID: z.string().min(1),
  DIALOG360_WEBHOOK_SECRET: z.string().min(1),
  // issue 19 (provisioning): the Partner API (number pool, channels, API keys). Production: https://hub.360dialog.io/api/v2
  DIALOG360_PARTNER_API_URL: z.url().default("http://127.0.0.1:4010/dialog360/partner/api/v2"),
});

export const twilioEnv = z.object({
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC\w+$/, "must start with AC"),
  TWILIO_AUTH_TOKEN: z.string().min(1),
  TWILIO_API_BASE_URL: z.url(),
  // Sender for plain SMS (SMS fallback, login codes). E.164.
  TWILIO_SMS_FROM: z.string().regex(/^\+\d{8,15}$/, "must be an E.164 number like +5491152630002"),
});

export const sandboxEnv = z.object({
  SANDBOX_PORT: z.coerce.number().int().positive().default(4010),
});

const optional = z.string().optional().transform((v) => (v ? v : undefined));

// issue 20 (sentry): everything here is off when unset. The browser gets its DSN and key from the server at request
// time (apps/web/app/layout.tsx), so one build serves every environment.
export const observabilityEnv = z.object({
  SENTRY_DSN: optional,
  NEXT_PUBLIC_SENTRY_DSN: optional.pipe(z.url().optional()),
  NEXT_PUBLIC_POSTHOG_KEY: optional,
  POSTHOG_KEY: optional,
  POSTHOG_HOST: z.url().default("https://us.i.posthog.com"),
});
