import { z } from "zod";
import { PAYMENTS_MAINTENANCE_JOB } from "../../modules/payments/payment-job-names";
import { defaultPaymentsRedis } from "../../modules/payments/payments-deps";
import { reconcilePaymentLinks } from "../../modules/payments/reconcile-payment-links";
import { refreshMercadoPagoTokens } from "../../modules/payments/refresh-mercadopago-tokens";
import { sendPaymentReminders } from "../../modules/payments/send-payment-reminders";
import { defineJob } from "../define-job";

// Every five minutes (a job scheduler registered by apps/workers): recover payments whose notification never came,
// refresh sellers' tokens a month before they expire, and send the payment reminders that are due.
export const paymentsMaintenance = defineJob({
  name: PAYMENTS_MAINTENANCE_JOB,
  queue: "payments",
  schema: z.object({}).passthrough(),
  defaults: { attempts: 1 },
  async handler() {
    const redis = defaultPaymentsRedis();
    const tokens = await refreshMercadoPagoTokens(redis);
    const reconciled = await reconcilePaymentLinks(redis);
    const reminders = await sendPaymentReminders(redis);
    return { tokens, reconciled, reminders };
  },
});

export const PAYMENTS_MAINTENANCE_SCHEDULE = { every: 5 * 60_000 } as const;
