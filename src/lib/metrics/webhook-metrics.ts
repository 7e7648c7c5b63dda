import { Histogram } from "prom-client";
import { defineMetric } from "./registry";

// Time from a webhook request's arrival to our answer, by provider and result (accepted, rejected_signature,
// rejected_body, unavailable, error). Observed in recordWebhookAck (src/modules/observability), the one place the ack
// is timed. The bounds are a subset of the persisted histogram's (WEBHOOK_ACK_BUCKETS_MS), so both agree where they overlap.
export const webhookAckSeconds = defineMetric(
  "campotech_webhook_ack_duration_seconds",
  (registers) =>
    new Histogram({
      name: "campotech_webhook_ack_duration_seconds",
      help: "Webhook acknowledgement latency (request received to response), by provider and result",
      labelNames: ["provider", "result"] as const,
      buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10],
      registers,
    }),
);
