import type { LatLng } from "../../../contracts/tracking";

export type EtaRoute = { distanceMeters: number; durationSeconds: number; source: "estimate" | "routing" };

// How long from here to there. Implementations: the straight-line estimate (always available) and a routing engine
// (OSRM-compatible, when ROUTING_URL is set) that falls back to the estimate. Picked by etaEstimatorFor.
export type EtaEstimator = { route(from: LatLng, to: LatLng): Promise<EtaRoute> };
