import type { Redis } from "ioredis";
import { withTenant } from "../../lib/db";
import type { LatLng } from "../../contracts/tracking";
import { trackingKeys } from "./tracking-keys";

// `since`: when this trip started (the latest move to en camino); points recorded before it belong to an earlier trip.
export type ActiveJob = { jobId: string; number: number; status: "en_camino" | "working"; destination: LatLng | null; since?: string | null };

// Safety net only: every job change that matters invalidates the entry right after it commits (forgetActiveJobs).
const ACTIVE_JOB_TTL_SECONDS = 300;

// Sets the entry only if no invalidation happened since the refill started (the generation is unchanged).
const SET_IF_GENERATION = `
local current = redis.call('GET', KEYS[2]) or ''
if current == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1 end
return 0`;

export function readActiveJobRow(organizationId: string, technicianId: string): Promise<ActiveJob | null> {
  return withTenant(organizationId, async (tx) => {
    const job = await tx.job.findFirst({
      where: { technicianId, status: { in: ["en_camino", "working"] } },
      orderBy: { updatedAt: "desc" },
      select: {
        id: true, number: true, status: true, latitude: true, longitude: true,
        transitions: { where: { to: "en_camino" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
      },
    });
    if (!job) return null;
    return {
      jobId: job.id, number: job.number, status: job.status as ActiveJob["status"],
      destination: job.latitude !== null && job.longitude !== null ? { lat: job.latitude, lng: job.longitude } : null,
      since: job.transitions[0]?.at.toISOString() ?? null,
    };
  });
}

// The technician's en_camino / working job from Redis; on a miss, from Postgres (then cached, "none" included, so a
// technician without an active job does not hit Postgres on every refused batch either).
export async function getActiveJob(redis: Redis, organizationId: string, technicianId: string): Promise<ActiveJob | null> {
  const key = trackingKeys.active(organizationId, technicianId);
  const generationKey = trackingKeys.activeGeneration(organizationId, technicianId);
  const [cached, generation] = await redis.mget(key, generationKey);
  if (cached) return cached === "none" ? null : (JSON.parse(cached) as ActiveJob);
  const active = await readActiveJobRow(organizationId, technicianId);
  await redis.eval(SET_IF_GENERATION, 2, key, generationKey, generation ?? "", active ? JSON.stringify(active) : "none", String(ACTIVE_JOB_TTL_SECONDS));
  return active;
}

// After a job change commits: the technicians whose active job may have changed (status, assignment, destination).
export async function forgetActiveJobs(redis: Redis, organizationId: string, technicianIds: readonly (string | null | undefined)[]): Promise<void> {
  const ids = [...new Set(technicianIds.filter((id): id is string => Boolean(id)))];
  if (!ids.length) return;
  const multi = redis.multi();
  for (const id of ids) {
    multi.del(trackingKeys.active(organizationId, id));
    multi.incr(trackingKeys.activeGeneration(organizationId, id));
    multi.expire(trackingKeys.activeGeneration(organizationId, id), 86_400);
  }
  await multi.exec();
}
