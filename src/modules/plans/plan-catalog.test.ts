import { describe, expect, it } from "vitest";
import { planCatalog } from "./plan-catalog";
import { responderLimit } from "./responder-limit";

describe("planCatalog", () => {
  it("lists the five plans in order, each adding what the matrix starts at it", () => {
    const plans = planCatalog();
    expect(plans.map((p) => [p.tier, p.name])).toEqual([["FREE", "Gratis"], ["INICIAL", "Inicial"], ["PROFESIONAL", "Profesional"], ["EMPRESARIAL", "Empresarial"], ["ENTERPRISE", "Enterprise"]]);
    expect(plans[0]!.adds).toEqual([]);
    expect(plans[1]!.adds.map((a) => a.feature)).toEqual(["waLinks", "invoiceWhatsApp", "qrCode"]);
    expect(plans[2]!.adds.map((a) => a.name)).toContain("Respuestas automáticas con IA");
    expect(plans[4]!.adds.map((a) => a.feature)).toEqual(["prioritySupport"]);
    // Every feature is added exactly once across the plans.
    expect(new Set(plans.flatMap((p) => p.adds.map((a) => a.feature))).size).toBe(plans.flatMap((p) => p.adds).length);
  });

  it("carries each plan's allowances; only multipleResponders plans have more than one responder", () => {
    const plans = planCatalog();
    expect(plans.find((p) => p.tier === "PROFESIONAL")!.limits).toMatchObject({ monthlyMessages: 1_000, monthlyAiConversations: 500, responders: 2 });
    expect(responderLimit("FREE")).toBe(1);
    expect(responderLimit("EMPRESARIAL")).toBeGreaterThan(1);
    expect(responderLimit("ENTERPRISE")).toBeNull();
  });
});
