import type { Services } from "../services";
import { flushPositions, toPositionInput } from "./flush-positions";

export const TRACKING_INTERVAL_MS = 30_000;

let watchId: number | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
let latest: GeolocationPosition | null = null;

// Web export: no background tasks, so the page watches the position while it is open and records one point every
// 30 s into the same queue (localStorage), flushed when the network allows.
export async function startTracking(services: Services): Promise<boolean> {
  if (timer) return true;
  const geo = globalThis.navigator?.geolocation;
  if (!geo) return false;
  watchId = geo.watchPosition((p) => (latest = p), () => undefined, { enableHighAccuracy: true, maximumAge: 10_000 });
  const tick = async () => {
    if (latest) {
      await services.storage.positions.add([toPositionInput(latest.coords, latest.timestamp)]);
      latest = null;
    }
    const report = await flushPositions({ positions: services.storage.positions, baseUrl: services.baseUrl, fetch: services.fetch, getToken: () => services.session.getToken() });
    // No job under way for the server: stop, as the native task does; useTracking starts again after the next sync.
    if (report.noActiveJob) await stopTracking();
  };
  timer = setInterval(() => void tick(), TRACKING_INTERVAL_MS);
  return true;
}

export async function stopTracking(): Promise<void> {
  if (watchId !== null) globalThis.navigator?.geolocation?.clearWatch(watchId);
  if (timer) clearInterval(timer);
  watchId = null;
  timer = null;
  latest = null;
}
