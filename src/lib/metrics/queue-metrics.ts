import { Gauge } from "prom-client";
import { defineMetric } from "./registry";

// BullMQ queues, read from Redis at scrape time (src/modules/metrics/collect-queue-depth.ts), so web and workers
// report the same numbers. state: waiting, prioritized, active, delayed, failed.
export const queueJobs = defineMetric(
  "campotech_queue_jobs",
  (registers) =>
    new Gauge({
      name: "campotech_queue_jobs",
      help: "Jobs in each BullMQ queue by state (read at scrape time)",
      labelNames: ["queue", "state"] as const,
      registers,
    }),
);

// How long the oldest waiting job of each queue has waited (0 when nothing waits): a stuck or starved queue grows it.
export const queueOldestWaitingSeconds = defineMetric(
  "campotech_queue_oldest_waiting_age_seconds",
  (registers) =>
    new Gauge({
      name: "campotech_queue_oldest_waiting_age_seconds",
      help: "Age of the oldest waiting job in each BullMQ queue, in seconds (read at scrape time)",
      labelNames: ["queue"] as const,
      registers,
    }),
);
