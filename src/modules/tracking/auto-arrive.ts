import type { Redis } from "ioredis";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import type { JobActor } from "../jobs/job-actor";
import { publishJobChanges } from "../jobs/publish-job-changes";
import { transitionJob } from "../jobs/transition-job";
import { trackingKeys } from "./tracking-keys";

// Recorded as SYSTEM (the geofence decided, not a person), with the office's rights to move the job.
const trackingActor = (organizationId: string): JobActor => ({ organizationId, userId: "tracking", role: "DISPATCHER", actorType: "SYSTEM" });

// With auto-arrival on, the first batch inside the geofence moves the job en_camino → working. Once: a Redis marker
// stops the following batches before they reach Postgres, and the transition's own status guard refuses a second
// move if two batches race (or the technician tapped "Llegué" meanwhile).
export async function autoArrive(redis: Redis, input: { organizationId: string; jobId: string }): Promise<boolean> {
  const first = await redis.set(trackingKeys.autoArrived(input.organizationId, input.jobId), "1", "EX", 7 * 86_400, "NX");
  if (first !== "OK") return false;
  try {
    const result = await withTenant(input.organizationId, (tx) =>
      transitionJob(tx, trackingActor(input.organizationId), input.jobId, { to: "working", note: "Llegada detectada por ubicación (llegada automática)" }),
    );
    await publishJobChanges(result);
    return true;
  } catch (error) {
    if (error instanceof AppError) {
      logger.info({ jobId: input.jobId, code: error.code }, "auto-arrival skipped: the job already moved");
      return false;
    }
    await redis.del(trackingKeys.autoArrived(input.organizationId, input.jobId)).catch(() => {});
    throw error;
  }
}
