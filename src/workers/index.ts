export { jobCatalog, findJob } from "./catalog";
export { defineJob } from "./define-job";
export { DelayJob } from "./delay-job";
export type { JobContext, JobDefinition } from "./define-job";
export { closeQueues, enqueue, getQueue } from "./enqueue";
export { processJob } from "./process-job";
export { QUEUES } from "./queues";
export type { QueueName } from "./queues";
export { USAGE_RESET_SCHEDULE, usageResetMonthlyCounters } from "./jobs/usage-reset-monthly-counters.job";
