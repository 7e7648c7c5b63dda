import { describe, expect, it } from "vitest";
import { planFeatures } from "./features";

describe("plan features", () => {
  it("gives the dispatch map and live tracking from PROFESIONAL up, the static page below", () => {
    for (const tier of ["PROFESIONAL", "EMPRESARIAL", "ENTERPRISE"] as const) expect(planFeatures(tier)).toEqual({ dispatchMap: true, liveTracking: true });
    for (const tier of ["FREE", "INICIAL"] as const) expect(planFeatures(tier)).toEqual({ dispatchMap: false, liveTracking: false });
  });
});
