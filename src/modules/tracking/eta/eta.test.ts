import { describe, expect, it } from "vitest";
import { haversineMeters } from "../geo";
import { computeEta } from "./compute-eta";
import { straightLineEstimator } from "./straight-line-estimator";

const OBELISCO = { lat: -34.603722, lng: -58.381592 };
const CONGRESO = { lat: -34.609833, lng: -58.392683 };
const settings = { averageSpeedKmh: 25, urbanFactor: 1.4, arrivalRadiusMeters: 150 };
const now = new Date("2026-12-14T15:00:00Z");

describe("ETA estimate", () => {
  it("is the straight line × urban factor at the average speed", async () => {
    const straight = haversineMeters(OBELISCO, CONGRESO);
    expect(straight).toBeGreaterThan(1150);
    expect(straight).toBeLessThan(1250);
    const eta = await computeEta(straightLineEstimator(settings), OBELISCO, CONGRESO, settings, now);
    expect(eta.distanceMeters).toBe(Math.round(straight * 1.4));
    expect(eta.minutes).toBe(Math.round((straight * 1.4) / (25_000 / 3600) / 60));
    expect(eta).toMatchObject({ arriving: false, source: "estimate", computedAt: now.toISOString() });
  });

  it("never says 0 minutes before the geofence, and says llegando inside it", async () => {
    const near = { lat: CONGRESO.lat + 0.002, lng: CONGRESO.lng };
    const outside = await computeEta(straightLineEstimator(settings), near, CONGRESO, settings, now);
    expect(outside).toMatchObject({ arriving: false });
    expect(outside.minutes).toBeGreaterThanOrEqual(1);
    const inside = await computeEta(straightLineEstimator(settings), { lat: CONGRESO.lat + 0.0005, lng: CONGRESO.lng }, CONGRESO, settings, now);
    expect(inside.arriving).toBe(true);
  });
});
