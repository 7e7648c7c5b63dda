import * as Location from "expo-location";
import type { Services } from "../services";
import { TRACKING_TASK } from "./tracking-task-name";

export const TRACKING_INTERVAL_MS = 30_000;

// Background updates every 30 s while a job is en camino or working (Android shows a foreground-service notice, as
// the OS requires). Asking for "always" comes only now, when the technician starts a trip, not at install. Safe to
// call again: it does nothing while the updates run (the background task stops them itself on a 409).
export async function startTracking(_services: Services): Promise<boolean> {
  if (await Location.hasStartedLocationUpdatesAsync(TRACKING_TASK).catch(() => false)) return true;
  const fg = await Location.requestForegroundPermissionsAsync();
  if (!fg.granted) return false;
  await Location.requestBackgroundPermissionsAsync().catch(() => null);
  await Location.startLocationUpdatesAsync(TRACKING_TASK, {
    accuracy: Location.Accuracy.Balanced,
    timeInterval: TRACKING_INTERVAL_MS,
    distanceInterval: 0,
    deferredUpdatesInterval: TRACKING_INTERVAL_MS,
    pausesUpdatesAutomatically: false,
    showsBackgroundLocationIndicator: true,
    foregroundService: { notificationTitle: "CampoTech", notificationBody: "Compartiendo tu ubicación con el cliente mientras dura el trabajo." },
  });
  return true;
}

export async function stopTracking(): Promise<void> {
  if (await Location.hasStartedLocationUpdatesAsync(TRACKING_TASK).catch(() => false)) await Location.stopLocationUpdatesAsync(TRACKING_TASK);
}
