import { describe, expect, it } from "vitest";
import { DEFAULT_MESSAGE_RETENTION_DAYS, MESSAGE_RETENTION_DAYS, parseTier, TIER_LIMITS } from "./tiers";

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

  it("has the responder seats per plan (issue 19)", () => {
    expect(TIER_LIMITS.FREE.responders).toBe(1);
    expect(TIER_LIMITS.INICIAL.responders).toBe(1);
    expect(TIER_LIMITS.PROFESIONAL.responders).toBe(2);
    expect(TIER_LIMITS.EMPRESARIAL.responders).toBe(10);
    expect(TIER_LIMITS.ENTERPRISE.responders).toBeNull();
  });

  it("keeps message bodies 90 days by default and longer on the larger plans (issue 20)", () => {
    expect(DEFAULT_MESSAGE_RETENTION_DAYS).toBe(90);
    expect([MESSAGE_RETENTION_DAYS.FREE, MESSAGE_RETENTION_DAYS.INICIAL, MESSAGE_RETENTION_DAYS.PROFESIONAL]).toEqual([90, 90, 90]);
    expect(MESSAGE_RETENTION_DAYS.EMPRESARIAL).toBeGreaterThan(90);
    expect(MESSAGE_RETENTION_DAYS.ENTERPRISE).toBeGreaterThanOrEqual(MESSAGE_RETENTION_DAYS.EMPRESARIAL);
  });
});
