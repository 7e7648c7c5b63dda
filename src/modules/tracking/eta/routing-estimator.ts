import { fetchRoadRoute } from "../../../integrations/osrm/route";
import { logger } from "../../../lib/logger";
import type { EtaEstimator } from "./eta-estimator";

// After a failure the engine is skipped for this long (per process): a dead routing engine must not add its timeout
// to every technician's batch.
const COOL_DOWN_MS = 30_000;
const downUntil = new Map<string, number>();

// A routing engine's road distance and duration, or the fallback's estimate when it fails or is cooling down.
export function routingEstimator(baseUrl: string, fallback: EtaEstimator, options: { timeoutMs: number }): EtaEstimator {
  return {
    async route(from, to) {
      if ((downUntil.get(baseUrl) ?? 0) > Date.now()) return fallback.route(from, to);
      try {
        const road = await fetchRoadRoute(baseUrl, from, to, options);
        downUntil.delete(baseUrl);
        return { distanceMeters: road.distanceMeters, durationSeconds: road.durationSeconds, source: "routing" };
      } catch (error) {
        downUntil.set(baseUrl, Date.now() + COOL_DOWN_MS);
        logger.warn({ err: (error as Error).message }, "routing engine failed: ETA falls back to the estimate");
        return fallback.route(from, to);
      }
    },
  };
}
