import type { JobDefinition } from "./define-job";
import { usageResetMonthlyCounters } from "./jobs/usage-reset-monthly-counters.job";

// Every job the platform runs. apps/workers starts one BullMQ Worker per queue named here.
export const jobCatalog: readonly JobDefinition[] = [usageResetMonthlyCounters];

export function findJob(name: string): JobDefinition | undefined {
  return jobCatalog.find((job) => job.name === name);
}
