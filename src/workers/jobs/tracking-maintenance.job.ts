import { z } from "zod";
import { createRedis } from "../../lib/redis";
import { purgePositionHistory } from "../../modules/tracking/purge-position-history";
import { TRACKING_MAINTENANCE_JOB } from "../../modules/tracking/tracking-job-names";
import { defineJob } from "../define-job";

let redis: ReturnType<typeof createRedis> | undefined;

// Every hour (a job scheduler registered by apps/workers): position history past each organization's retention goes,
// and technicians whose signal expired leave the GEO sets.
export const trackingMaintenance = defineJob({
  name: TRACKING_MAINTENANCE_JOB,
  queue: "tracking",
  schema: z.object({}).passthrough(),
  defaults: { attempts: 1 },
  handler: () => {
    redis ??= createRedis("worker");
    return purgePositionHistory(redis);
  },
});

export const TRACKING_MAINTENANCE_SCHEDULE = { every: 60 * 60_000 } as const;
