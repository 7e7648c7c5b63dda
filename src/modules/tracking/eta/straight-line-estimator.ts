import type { LatLng } from "../../../contracts/tracking";
import { haversineMeters } from "../geo";
import type { TrackingSettings } from "../tracking-settings";
import type { EtaEstimator, EtaRoute } from "./eta-estimator";

// Road distance ≈ straight line × the organization's urban factor; time = that distance at its average speed.
// Crude but honest, needs nothing external, and is what the customer sees when no routing engine is configured.
export function straightLineEstimator(settings: Pick<TrackingSettings, "urbanFactor" | "averageSpeedKmh">): EtaEstimator {
  const metersPerSecond = (settings.averageSpeedKmh * 1000) / 3600;
  return {
    async route(from: LatLng, to: LatLng): Promise<EtaRoute> {
      const distanceMeters = haversineMeters(from, to) * settings.urbanFactor;
      return { distanceMeters, durationSeconds: distanceMeters / metersPerSecond, source: "estimate" };
    },
  };
}
