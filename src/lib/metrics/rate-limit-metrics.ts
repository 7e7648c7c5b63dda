import { Counter, Histogram } from "prom-client";
import { defineMetric } from "./registry";

export type RateLimitKind = "organization" | "phone_number" | "recipient_pair";

// A send that had to wait for a limit (the job is delayed, not failed): the organization's sliding window, the
// number's throughput, or Meta's per-recipient pair rate.
export const rateLimitWaitsTotal = defineMetric(
  "campotech_rate_limit_waits_total",
  (registers) =>
    new Counter({
      name: "campotech_rate_limit_waits_total",
      help: "Sends delayed by a rate limit, by limit (organization, phone_number, recipient_pair)",
      labelNames: ["limit"] as const,
      registers,
    }),
);

export const rateLimitWaitSeconds = defineMetric(
  "campotech_rate_limit_wait_seconds",
  (registers) =>
    new Histogram({
      name: "campotech_rate_limit_wait_seconds",
      help: "How long a send was told to wait by a rate limit, by limit",
      labelNames: ["limit"] as const,
      buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 900],
      registers,
    }),
);

export function countRateLimitWait(limit: RateLimitKind, waitMs: number): void {
  rateLimitWaitsTotal.inc({ limit });
  rateLimitWaitSeconds.observe({ limit }, Math.max(0, waitMs) / 1000);
}
