import { UnrecoverableError } from "bullmq";
import { env } from "../../lib/env";
import { InvalidDeliveryError, processWebhookDelivery } from "../../modules/inbound/process-webhook-delivery";
import { defineJob } from "../define-job";
import { PROCESS_WEBHOOK_JOB, webhookDeliverySchema } from "../payloads/webhook-delivery";
import { runFollowUps } from "./run-follow-ups";

// A verified webhook delivery (enqueued by the web process before it answered 200) → stored messages/statuses.
// Retries are safe: everything is idempotent by the provider's ids. Items that fail do not stop the others; on the
// last attempt they become inbound dead letters (the job then succeeds) instead of failing the whole delivery.
const ATTEMPTS = 10;

export const whatsappProcessWebhook = defineJob({
  name: PROCESS_WEBHOOK_JOB,
  queue: "webhooks",
  schema: webhookDeliverySchema,
  defaults: { attempts: ATTEMPTS, backoff: { type: "exponential", delay: 1_000 } },
  async handler(delivery, ctx) {
    try {
      return await processWebhookDelivery(delivery, {
        aggregationWindowMs: env.INBOUND_AGGREGATION_WINDOW_MS,
        logger: ctx.logger,
        onCommitted: runFollowUps,
        ...(ctx.attempt >= ATTEMPTS ? { deadLetter: { attempts: ctx.attempt } } : {}),
      });
    } catch (error) {
      if (error instanceof InvalidDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    }
  },
});
