import { describe, expect, it } from "vitest";
import { parseTier, TIER_LIMITS } from "./tiers";

describe("tiers", () => {
  it("parses case-insensitively and refuses unknown tiers with a Spanish reason", () => {
    expect(parseTier("profesional")).toBe("PROFESIONAL");
    expect(() => parseTier("GOLD")).toThrow(/El plan "GOLD" no existe/);
  });

  it("has the admin guide's monthly limits", () => {
    expect(TIER_LIMITS.PROFESIONAL.monthlyMessages).toBe(1000);
    expect(TIER_LIMITS.EMPRESARIAL.monthlyMessages).toBe(5000);
    expect(TIER_LIMITS.INICIAL.monthlyMessages).toBe(0);
    expect(TIER_LIMITS.ENTERPRISE.monthlyMessages).toBeNull();
    expect(TIER_LIMITS.PROFESIONAL.monthlyAiConversations).toBe(500);
  });
});
