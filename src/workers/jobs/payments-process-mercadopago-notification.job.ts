import { mercadoPagoNotificationSchema } from "../../modules/payments/mercadopago-notification.schemas";
import { PROCESS_MERCADOPAGO_NOTIFICATION_JOB } from "../../modules/payments/payment-job-names";
import { defaultPaymentsRedis } from "../../modules/payments/payments-deps";
import { processMercadoPagoNotification } from "../../modules/payments/process-mercadopago-notification";
import { defineJob } from "../define-job";

// One verified MercadoPago notification: re-read the payment with the seller's token and apply it. MercadoPago down
// or slow → the job retries with backoff; the reconciliation pass is the backstop if it never recovers in time.
export const paymentsProcessMercadoPagoNotification = defineJob({
  name: PROCESS_MERCADOPAGO_NOTIFICATION_JOB,
  queue: "payments",
  schema: mercadoPagoNotificationSchema,
  defaults: { attempts: 8, backoff: { type: "exponential", delay: 2_000 } },
  async handler(payload, ctx) {
    const results = await processMercadoPagoNotification(defaultPaymentsRedis(), payload);
    ctx.logger.info({ topic: payload.topic, action: payload.action, dataId: payload.dataId, results }, "mercadopago notification");
    return results;
  },
});
