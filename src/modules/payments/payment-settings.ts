import { z } from "zod";

// Organization.settings.payments: when an unpaid invoice gets the payment_reminder template, and how many times.
export const paymentSettingsSchema = z.object({
  remindersEnabled: z.boolean().default(true),
  // Days after the invoice is authorized (and between reminders) before the next one.
  reminderAfterDays: z.number().int().min(1).max(60).default(3),
  maxReminders: z.number().int().min(0).max(10).default(3),
});

export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;

const schema = z.object({ payments: paymentSettingsSchema.default(paymentSettingsSchema.parse({})) });

// A malformed settings blob must not stop reminders: fall back to the defaults.
export function paymentSettings(settings: unknown): PaymentSettings {
  const parsed = schema.safeParse(settings ?? {});
  return parsed.success ? parsed.data.payments : paymentSettingsSchema.parse({});
}
