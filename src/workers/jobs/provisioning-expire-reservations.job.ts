import { z } from "zod";
import { expireReservations } from "../../modules/number-provisioning/expire-reservations";
import { defineJob } from "../define-job";

// Every minute (a job scheduler registered by apps/workers): number reservations whose 5 minutes (or whose code's
// 10 minutes) are up go back to the 360dialog pool, and the organization back to NOT_STARTED with the reason.
export const provisioningExpireReservations = defineJob({
  name: "provisioning.expire-reservations",
  queue: "system",
  schema: z.object({}).passthrough(),
  defaults: { attempts: 1 },
  async handler(_payload, ctx) {
    const result = await expireReservations();
    if (result.failed) ctx.logger.warn(result, "some expired reservations could not be released at the partner");
    return result;
  },
});

export const PROVISIONING_EXPIRE_SCHEDULE = { every: 60_000 } as const;
