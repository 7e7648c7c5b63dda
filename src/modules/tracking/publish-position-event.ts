import type { Redis } from "ioredis";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import type { LatestPosition } from "./latest-position";
import { trackingKeys } from "./tracking-keys";

// A dashboard needs a marker to move, not every point: one event per technician per this many seconds.
export const POSITION_EVENT_THROTTLE_SECONDS = 5;

export async function publishPositionEvent(redis: Redis, input: { organizationId: string; technicianId: string; latest: LatestPosition; now: Date }): Promise<boolean> {
  const first = await redis.set(trackingKeys.eventThrottle(input.organizationId, input.technicianId), "1", "EX", POSITION_EVENT_THROTTLE_SECONDS, "NX");
  if (first !== "OK") return false;
  await publishOrganizationEvents([{
    type: "tracking.position", organizationId: input.organizationId, technicianId: input.technicianId, jobId: input.latest.jobId,
    lat: input.latest.lat, lng: input.latest.lng, recordedAt: input.latest.recordedAt, arriving: input.latest.eta?.arriving ?? false, at: input.now.toISOString(),
  }], redis);
  return true;
}
