import type { Redis } from "ioredis";
import type { NearestTechniciansView, TrackingEta } from "../../contracts/tracking";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import { computeEta } from "./eta/compute-eta";
import { etaEstimatorFor, type EtaConfig } from "./eta/eta-estimator-for";
import { readLatestPositions } from "./latest-position";
import { trackingKeys } from "./tracking-keys";
import { readTrackingOrganization } from "./tracking-organization";

// Candidates come from the GEO set within this radius; only the nearest few get an ETA (a routing call each).
export const NEAREST_RADIUS_KM = 50;
const CANDIDATES = 50;
export const NEAREST_LIMIT = 5;

// GET /api/jobs/:id/nearest-technicians: free technicians (no job en camino / en curso) with a fresh position, by ETA.
// GEOSEARCH ranks by straight line; the few nearest are then timed (road estimate or routing engine) and re-ranked.
export async function findNearestTechnicians(
  tx: TenantTx,
  organizationId: string,
  jobId: string,
  input: { now?: Date } = {},
  deps: { redis?: Redis; eta?: EtaConfig } = {},
): Promise<NearestTechniciansView> {
  await assertPlanFeature(tx, organizationId, "dispatchMap");
  const job = await tx.job.findFirst({ where: { id: jobId }, select: { id: true, latitude: true, longitude: true } });
  if (!job) throw new AppError("NOT_FOUND", { message: "No encontramos ese trabajo." });
  if (job.latitude === null || job.longitude === null) return { jobId: job.id, location: null, technicians: [] };
  const location = { lat: job.latitude, lng: job.longitude };
  const redis = deps.redis ?? sharedRedis();
  await whenRedisReady(redis);
  const found = (await redis.call(
    "GEOSEARCH", trackingKeys.geo(organizationId), "FROMLONLAT", String(location.lng), String(location.lat), "BYRADIUS", String(NEAREST_RADIUS_KM), "km", "ASC", "COUNT", String(CANDIDATES), "WITHDIST",
  )) as [string, string][];
  const latest = await readLatestPositions(redis, organizationId, found.map(([id]) => id));
  const fresh = found.filter(([id]) => latest.has(id));
  if (!fresh.length) return { jobId: job.id, location, technicians: [] };
  const ids = fresh.map(([id]) => id);
  const people = await tx.user.findMany({ where: { id: { in: ids }, isActive: true, role: "TECHNICIAN" }, select: { id: true, name: true } });
  const busy = await tx.job.findMany({ where: { technicianId: { in: ids }, status: { in: ["en_camino", "working"] } }, select: { technicianId: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  const busyIds = new Set(busy.map((b) => b.technicianId));
  const free = fresh.filter(([id]) => names.has(id) && !busyIds.has(id)).slice(0, NEAREST_LIMIT);
  const { settings } = await readTrackingOrganization(organizationId);
  const estimator = etaEstimatorFor(settings, deps.eta);
  const now = input.now ?? new Date();
  const ranked: { id: string; name: string; distanceMeters: number; eta: TrackingEta }[] = await Promise.all(
    free.map(async ([id, km]) => {
      const position = latest.get(id)!;
      return { id, name: names.get(id)!, distanceMeters: Math.round(Number(km) * 1000), eta: await computeEta(estimator, position, location, settings, now) };
    }),
  );
  ranked.sort((a, b) => a.eta.minutes - b.eta.minutes || a.eta.distanceMeters - b.eta.distanceMeters);
  return { jobId: job.id, location, technicians: ranked.map((t) => ({ ...t, state: "libre" as const })) };
}
