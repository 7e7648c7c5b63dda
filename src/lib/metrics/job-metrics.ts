import { Counter, Histogram } from "prom-client";
import { defineMetric } from "./registry";

// Every BullMQ job run (src/workers/process-job.ts), by catalog job name. result: completed, failed, or delayed (the
// job asked to wait: a rate limit or a retry schedule, not a failure).
export const jobDurationSeconds = defineMetric(
  "campotech_job_duration_seconds",
  (registers) =>
    new Histogram({
      name: "campotech_job_duration_seconds",
      help: "Job handler run time, by job name and result (completed, failed, delayed)",
      labelNames: ["job", "result"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
);

// Failed job runs. final="true": the job will not be retried (unrecoverable, or its last attempt).
export const jobFailuresTotal = defineMetric(
  "campotech_job_failures_total",
  (registers) =>
    new Counter({
      name: "campotech_job_failures_total",
      help: "Failed job runs, by job name; final=true when no retry follows",
      labelNames: ["job", "final"] as const,
      registers,
    }),
);
