import { haversineMeters } from "./geo";

// History keeps a point when the technician moved at least this far or this long passed since the last kept one:
// a 30-second stream becomes ~1 point a minute while driving and nothing while parked, plenty for a route line.
export const THIN_MIN_DISTANCE_METERS = 50;
export const THIN_MIN_INTERVAL_SECONDS = 60;

export type ThinPoint = { lat: number; lng: number; recordedAt: Date };

// reference: the last point already kept before these (null: none). points: oldest first.
export function thinPositions<T extends ThinPoint>(reference: ThinPoint | null, points: readonly T[]): T[] {
  const kept: T[] = [];
  let last: ThinPoint | null = reference;
  for (const point of points) {
    if (last && point.recordedAt.getTime() <= last.recordedAt.getTime()) continue;
    const keep =
      !last ||
      haversineMeters(last, point) >= THIN_MIN_DISTANCE_METERS ||
      point.recordedAt.getTime() - last.recordedAt.getTime() >= THIN_MIN_INTERVAL_SECONDS * 1000;
    if (!keep) continue;
    kept.push(point);
    last = point;
  }
  return kept;
}
