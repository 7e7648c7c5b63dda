import type { Redis } from "ioredis";
import type { TrackingEta } from "../../contracts/tracking";
import { env } from "../../lib/env";
import { trackingKeys } from "./tracking-keys";

// What Redis keeps of a technician's last accepted point, with what was computed from it.
export type LatestPosition = {
  lat: number;
  lng: number;
  accuracy: number | null;
  speed: number | null;
  heading: number | null;
  recordedAt: string;
  jobId: string;
  jobStatus: "en_camino" | "working";
  eta: TrackingEta | null;
  arrivalSuggested: boolean;
};

// GEOADD for the radius searches and the last-seen key (expiring: no key = "sin señal"), in one round trip.
export async function storeLatestPosition(redis: Redis, organizationId: string, technicianId: string, latest: LatestPosition, ttlSeconds = env.TRACKING_SIGNAL_TTL_SECONDS): Promise<void> {
  await redis
    .multi()
    .geoadd(trackingKeys.geo(organizationId), latest.lng, latest.lat, technicianId)
    .set(trackingKeys.last(organizationId, technicianId), JSON.stringify(latest), "EX", ttlSeconds)
    .exec();
}

// Every technician's last position in one MGET (same hash slot): the map never asks per technician.
export async function readLatestPositions(redis: Redis, organizationId: string, technicianIds: readonly string[]): Promise<Map<string, LatestPosition>> {
  const found = new Map<string, LatestPosition>();
  if (!technicianIds.length) return found;
  const values = await redis.mget(...technicianIds.map((id) => trackingKeys.last(organizationId, id)));
  values.forEach((value, i) => {
    if (!value) return;
    try {
      found.set(technicianIds[i]!, JSON.parse(value) as LatestPosition);
    } catch {
      // A malformed entry is as good as no signal.
    }
  });
  return found;
}
