import { SYNC_WINDOW_DAYS } from "../../contracts/sync";
import { addDays, localDateOf, zonedTimeToUtc } from "../../lib/time";

export type SyncWindow = { day: string; from: string; to: string; start: Date; end: Date };

// The technician's window in Buenos Aires days: today − 7 … today + 7 (inclusive), by scheduled start. The day is part
// of the cursor: when it changes, the next pull is a full one (jobs enter the window by time passing, with no change).
export function syncWindow(now: Date): SyncWindow {
  const day = localDateOf(now);
  const from = addDays(day, -SYNC_WINDOW_DAYS);
  const to = addDays(day, SYNC_WINDOW_DAYS);
  return { day, from, to, start: zonedTimeToUtc(from, "00:00"), end: zonedTimeToUtc(addDays(to, 1), "00:00") };
}

// In the window, or on the way / working whatever its date (a late job being done now).
export function inSyncWindow(job: { status: string; scheduledStart: Date | null }, window: SyncWindow): boolean {
  if (job.status === "en_camino" || job.status === "working") return true;
  return job.scheduledStart !== null && job.scheduledStart >= window.start && job.scheduledStart < window.end;
}
