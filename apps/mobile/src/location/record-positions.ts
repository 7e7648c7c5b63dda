import * as Location from "expo-location";
import type { LocationObject } from "expo-location";
import type { PositionQueue } from "../data/types";
import { flushPositions, toPositionInput, type FlushReport } from "./flush-positions";
import { TRACKING_TASK } from "./tracking-task-name";

type Deps = { positions: PositionQueue; baseUrl: string; fetch: typeof fetch; getToken: () => Promise<string | null> };

// One tick of the background task: store the new points first (they survive a dead network or a killed app), then
// send everything queued. When the server says no job is under way (409: finished or cancelled from the office while
// the app was in the background), recording stops — the technician's position is only shared during a trip. The app
// starts it again after its next sync if it still has a job en camino / en curso.
export async function recordPositions(deps: Deps, locations: readonly LocationObject[]): Promise<FlushReport> {
  if (locations.length) await deps.positions.add(locations.map((l) => toPositionInput(l.coords, l.timestamp)));
  const report = await flushPositions(deps);
  if (report.noActiveJob) await Location.stopLocationUpdatesAsync(TRACKING_TASK).catch(() => undefined);
  return report;
}
