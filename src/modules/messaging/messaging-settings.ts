import { z } from "zod";
import { DEFAULT_ORG_RATE, PANIC_AUTO_RESOLVE_MS, SMS_FALLBACK_AFTER_MS } from "./outbound-keys";

// Per-organization knobs kept in Organization.settings (JSON), with the platform defaults.
const schema = z
  .object({
    rateLimitPerMinute: z.number().int().positive().optional(),
    messaging: z
      .object({
        rateLimit: z.number().int().positive().optional(),
        rateWindowMs: z.number().int().positive().optional(),
        smsFallbackAfterMs: z.number().int().positive().optional(),
        panicAutoResolveMs: z.number().int().positive().optional(),
      })
      .optional(),
  })
  .passthrough();

export type MessagingSettings = { rateLimit: number; rateWindowMs: number; smsFallbackAfterMs: number; panicAutoResolveMs: number };

export function messagingSettings(settings: unknown): MessagingSettings {
  const parsed = schema.safeParse(settings ?? {});
  const s = parsed.success ? parsed.data : {};
  return {
    rateLimit: s.messaging?.rateLimit ?? s.rateLimitPerMinute ?? DEFAULT_ORG_RATE.limit,
    rateWindowMs: s.messaging?.rateWindowMs ?? DEFAULT_ORG_RATE.windowMs,
    smsFallbackAfterMs: s.messaging?.smsFallbackAfterMs ?? SMS_FALLBACK_AFTER_MS,
    panicAutoResolveMs: s.messaging?.panicAutoResolveMs ?? PANIC_AUTO_RESOLVE_MS,
  };
}
