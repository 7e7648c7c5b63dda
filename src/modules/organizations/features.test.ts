import { describe, expect, it } from "vitest";
import { effectiveTier } from "./effective-tier";
import { featuresAddedBy, FEATURE_KEYS, planFeatures, upsellMessage } from "./features";

describe("plan features", () => {
  it("gives the dispatch map and live tracking from PROFESIONAL up, the static page below", () => {
    for (const tier of ["PROFESIONAL", "EMPRESARIAL", "ENTERPRISE"] as const) expect(planFeatures(tier)).toMatchObject({ dispatchMap: true, liveTracking: true });
    for (const tier of ["FREE", "INICIAL"] as const) expect(planFeatures(tier)).toMatchObject({ dispatchMap: false, liveTracking: false });
  });

  it("follows the admin guide's matrix: wa.me and QR from INICIAL, AI from PROFESIONAL, responders from EMPRESARIAL", () => {
    expect(Object.values(planFeatures("FREE")).some(Boolean)).toBe(false);
    expect(planFeatures("INICIAL")).toMatchObject({ waLinks: true, qrCode: true, invoiceWhatsApp: true, aiAutoResponses: false, virtualNumber: false });
    expect(planFeatures("PROFESIONAL")).toMatchObject({ aiAutoResponses: true, virtualNumber: true, voiceTranscription: true, customAiInstructions: true, multipleResponders: false });
    expect(planFeatures("EMPRESARIAL")).toMatchObject({ multipleResponders: true, prioritySupport: false });
    expect(Object.values(planFeatures("ENTERPRISE")).every(Boolean)).toBe(true);
  });

  it("lists every feature exactly once as added by some plan", () => {
    const added = (["FREE", "INICIAL", "PROFESIONAL", "EMPRESARIAL", "ENTERPRISE"] as const).flatMap(featuresAddedBy);
    expect([...added].sort()).toEqual([...FEATURE_KEYS].sort());
    expect(featuresAddedBy("EMPRESARIAL")).toEqual(["multipleResponders"]);
  });

  it("names the plan that includes a feature in Spanish", () => {
    expect(upsellMessage("aiAutoResponses")).toBe("Respuestas automáticas con IA: está disponible desde el plan Profesional.");
  });

  it("reads an expired trial as FREE and a running one as its plan", () => {
    const now = new Date("2026-12-03T12:00:00Z");
    expect(effectiveTier({ tier: "PROFESIONAL", trialEndsAt: new Date("2026-12-10T00:00:00Z") }, now)).toBe("PROFESIONAL");
    expect(effectiveTier({ tier: "PROFESIONAL", trialEndsAt: new Date("2026-12-01T00:00:00Z") }, now)).toBe("FREE");
    expect(effectiveTier({ tier: "EMPRESARIAL", trialEndsAt: null }, now)).toBe("EMPRESARIAL");
  });
});
