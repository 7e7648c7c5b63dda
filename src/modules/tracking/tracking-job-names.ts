// The tracking jobs' names, in a file that imports nothing (the job catalog and the code that enqueues import it from
// both sides).
export const STORE_POSITIONS_JOB = "tracking.store-positions";
export const GEOCODE_JOB_JOB = "tracking.geocode-job";
export const TRACKING_MAINTENANCE_JOB = "tracking.maintenance";
