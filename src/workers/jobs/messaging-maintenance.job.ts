import { z } from "zod";
import { autoResolvePanics } from "../../modules/messaging/auto-resolve-panics";
import { autoResolveArcaPanics } from "../../modules/invoicing/auto-resolve-arca-panics";
import { eraseExpiredSecrets } from "../../modules/messaging/erase-expired-secrets";
import { requeueStranded } from "../../modules/messaging/requeue-stranded";
import { defineJob } from "../define-job";

// Every minute (a job scheduler registered by apps/workers): resolve panics (WhatsApp channels, ARCA) whose time is
// up and whose health probe passes, re-enqueue deliveries stranded by a Redis failure between store and enqueue, and erase sealed
// login codes whose time is up.
export const messagingMaintenance = defineJob({
  name: "messaging.maintenance",
  queue: "system",
  schema: z.object({}).passthrough(),
  async handler(_payload, ctx) {
    const panics = await autoResolvePanics();
    const arca = await autoResolveArcaPanics();
    const stranded = await requeueStranded();
    if (stranded.requeued) ctx.logger.warn(stranded, "re-enqueued stranded deliveries");
    const secrets = await eraseExpiredSecrets();
    return { ...panics, arca, ...stranded, ...secrets };
  },
});

export const MESSAGING_MAINTENANCE_SCHEDULE = { every: 60_000 } as const;
