import { z } from "zod";
import { purgeSyncLog } from "../../modules/sync/purge-sync-log";
import { defineJob } from "../define-job";

// Every six hours (a job scheduler registered by apps/workers): the sync change log past its two days, stored push
// answers and unattached uploads past 30 days.
export const syncMaintenance = defineJob({
  name: "sync.maintenance",
  queue: "system",
  schema: z.object({}).passthrough(),
  defaults: { attempts: 1 },
  async handler(_payload, ctx) {
    const purged = await purgeSyncLog();
    ctx.logger.info(purged, "sync log purged");
    return purged;
  },
});

export const SYNC_MAINTENANCE_SCHEDULE = { every: 6 * 60 * 60_000 } as const;
