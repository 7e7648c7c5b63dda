import { storePositions } from "../../modules/tracking/store-positions";
import { storePositionsSchema } from "../../modules/tracking/store-positions.schemas";
import { STORE_POSITIONS_JOB } from "../../modules/tracking/tracking-job-names";
import { defineJob } from "../define-job";

// One per accepted batch (jobId: technician + first and last point's time): thins and writes the history.
export const trackingStorePositions = defineJob({
  name: STORE_POSITIONS_JOB,
  queue: "tracking",
  schema: storePositionsSchema,
  defaults: { attempts: 5, backoff: { type: "exponential", delay: 2_000 } },
  handler: (payload) => storePositions(payload),
});
