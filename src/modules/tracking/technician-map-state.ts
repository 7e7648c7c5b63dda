import type { TechnicianMapState } from "../../contracts/tracking";
import type { LatestPosition } from "./latest-position";

// No fresh position (the last-seen key expired, or never existed) is "sin señal" whatever the job says; otherwise the
// active job decides. Positions are only accepted during a job, so "libre" lasts the signal window after one ends.
export function technicianMapState(latest: LatestPosition | undefined, activeStatus: string | undefined): TechnicianMapState {
  if (!latest) return "sin_senal";
  if (activeStatus === "en_camino") return "en_camino";
  if (activeStatus === "working") return "trabajando";
  return "libre";
}
