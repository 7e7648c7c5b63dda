import { env } from "../../../lib/env";
import type { TrackingSettings } from "../tracking-settings";
import type { EtaEstimator } from "./eta-estimator";
import { routingEstimator } from "./routing-estimator";
import { straightLineEstimator } from "./straight-line-estimator";

export type EtaConfig = { routingUrl?: string | undefined; timeoutMs?: number };

// Configuration picks the estimator: a routing engine when ROUTING_URL is set, the straight-line estimate otherwise.
export function etaEstimatorFor(settings: TrackingSettings, config: EtaConfig = {}): EtaEstimator {
  const estimate = straightLineEstimator(settings);
  const routingUrl = "routingUrl" in config ? config.routingUrl : env.ROUTING_URL;
  if (!routingUrl) return estimate;
  return routingEstimator(routingUrl, estimate, { timeoutMs: config.timeoutMs ?? env.GEO_HTTP_TIMEOUT_MS });
}
