import { env } from "../../lib/env";

// The seed thresholds (issue 20), each overridable by its ALERT_* variable, plus the fixed windows and minimum
// samples that keep a quiet hour from paging anyone (1 failed out of 2 is not an outage).
export type AlertThresholds = {
  webhookP95Ms: number;
  webhookWindowMs: number;
  webhookMinAcks: number;
  deliverySuccessPercent: number;
  deliveryWindowMs: number;
  deliveryMinMessages: number;
  aiResponsePercent: number;
  aiWindowMs: number;
  aiMinTurns: number;
  // Runs younger than this are still being answered and are not counted yet.
  aiGraceMs: number;
  usagePercent: number;
  queueBacklog: number;
  queueOldestSeconds: number;
};

export function alertThresholds(overrides: Partial<AlertThresholds> = {}): AlertThresholds {
  return {
    webhookP95Ms: env.ALERT_WEBHOOK_P95_MS,
    webhookWindowMs: 15 * 60_000,
    webhookMinAcks: 10,
    deliverySuccessPercent: env.ALERT_DELIVERY_SUCCESS_PERCENT,
    deliveryWindowMs: 24 * 3600_000,
    deliveryMinMessages: 20,
    aiResponsePercent: env.ALERT_AI_RESPONSE_PERCENT,
    aiWindowMs: 24 * 3600_000,
    aiMinTurns: 10,
    aiGraceMs: 5 * 60_000,
    usagePercent: env.ALERT_USAGE_PERCENT,
    queueBacklog: env.ALERT_QUEUE_BACKLOG,
    queueOldestSeconds: env.ALERT_QUEUE_OLDEST_SECONDS,
    ...overrides,
  };
}
