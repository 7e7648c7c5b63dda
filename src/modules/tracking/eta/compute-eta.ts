import type { LatLng, TrackingEta } from "../../../contracts/tracking";
import { haversineMeters } from "../geo";
import type { TrackingSettings } from "../tracking-settings";
import type { EtaEstimator } from "./eta-estimator";

// The ETA the map and the customer see. "Llegando" is decided on the straight-line distance (the geofence), not the
// road distance: a technician parked across the avenue has arrived whatever the one-way streets say.
export async function computeEta(
  estimator: EtaEstimator,
  from: LatLng,
  to: LatLng,
  settings: Pick<TrackingSettings, "arrivalRadiusMeters">,
  now: Date,
): Promise<TrackingEta> {
  const arriving = haversineMeters(from, to) <= settings.arrivalRadiusMeters;
  const route = await estimator.route(from, to);
  const minutes = Math.round(route.durationSeconds / 60);
  return {
    distanceMeters: Math.round(route.distanceMeters),
    minutes: arriving ? minutes : Math.max(1, minutes),
    arriving,
    source: route.source,
    computedAt: now.toISOString(),
  };
}
