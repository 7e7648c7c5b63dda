import { z } from "zod";
import { reconcileScheduledWork } from "../../modules/reconcile/reconcile-scheduled-work";
import { defineJob } from "../define-job";

// Every minute: re-arm what Redis should hold but does not (a Redis that lost its data, a key evicted), from
// Postgres. Cheap when nothing is missing: one query per organization and one lookup per expected job.
export const reliabilityReconcileScheduledWork = defineJob({
  name: "reliability.reconcile-scheduled-work",
  queue: "system",
  schema: z.object({}).passthrough(),
  defaults: { attempts: 1 },
  async handler(_payload, ctx) {
    const result = await reconcileScheduledWork();
    if (result.reminders.rearmed || result.reminders.caughtUp || result.turns.rearmed || result.deferred.rearmed) {
      ctx.logger.warn(result, "re-armed scheduled work that Redis no longer held");
    }
    return result;
  },
});

export const RELIABILITY_RECONCILE_SCHEDULE = { every: 60_000 } as const;
