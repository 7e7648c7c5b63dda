import { describe, expect, it } from "vitest";
import { THIN_MIN_DISTANCE_METERS, THIN_MIN_INTERVAL_SECONDS, thinPositions } from "./thin-positions";

const t0 = new Date("2026-12-14T15:00:00Z").getTime();
const at = (seconds: number, northMeters: number) => ({ lat: -34.6 + northMeters / 111_195, lng: -58.4, recordedAt: new Date(t0 + seconds * 1000) });

describe("thinning", () => {
  it("keeps the first point, then one every 50 m or 60 s", () => {
    expect([THIN_MIN_DISTANCE_METERS, THIN_MIN_INTERVAL_SECONDS]).toEqual([50, 60]);
    const points = [at(0, 0), at(10, 10), at(20, 20), at(30, 60), at(40, 65), at(95, 70), at(100, 200)];
    expect(thinPositions(null, points).map((p) => p.recordedAt.getTime() - t0)).toEqual([0, 30_000, 95_000, 100_000]);
  });

  it("thins against the last point already kept and skips anything not newer than it", () => {
    const reference = at(0, 0);
    expect(thinPositions(reference, [at(0, 0), at(20, 10), at(70, 10)]).map((p) => p.recordedAt.getTime() - t0)).toEqual([70_000]);
  });
});
