import { UnrecoverableError } from "bullmq";
import { env } from "../../lib/env";
import { InvalidDeliveryError, processWebhookDelivery } from "../../modules/inbound/process-webhook-delivery";
import { defineJob } from "../define-job";
import { PROCESS_WEBHOOK_JOB, webhookDeliverySchema } from "../payloads/webhook-delivery";
import { runFollowUps } from "./run-follow-ups";

// A verified webhook delivery (enqueued by the web process before it answered 200) → stored messages/statuses.
// Retries are safe: everything is idempotent by the provider's ids.
export const whatsappProcessWebhook = defineJob({
  name: PROCESS_WEBHOOK_JOB,
  queue: "webhooks",
  schema: webhookDeliverySchema,
  defaults: { attempts: 10, backoff: { type: "exponential", delay: 1_000 } },
  async handler(delivery, ctx) {
    try {
      return await processWebhookDelivery(delivery, {
        aggregationWindowMs: env.INBOUND_AGGREGATION_WINDOW_MS,
        logger: ctx.logger,
        onCommitted: runFollowUps,
      });
    } catch (error) {
      if (error instanceof InvalidDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    }
  },
});
