export { computeJobTotals, IVA_RATES_BPS } from "./compute-job-totals";
export type { IvaRateBps, JobTotals, LineInput } from "./compute-job-totals";
export { assertJobTransition, canTransition, JOB_STATES } from "./job-state-machine";
export type { JobState } from "./job-state-machine";
