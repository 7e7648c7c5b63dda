import { describe, expect, it } from "vitest";
import type { IntentResult } from "../understanding/types";
import type { ModelReading } from "./classify-with-model";
import { combineReadings, EMERGENCY_ACCEPT, EMERGENCY_ASK, RULE_EMERGENCY_FLOOR } from "./combine-readings";

const model = (emergencyProbability: number, best: ModelReading["alternatives"][number]["intent"] = "quote_request"): ModelReading => ({
  alternatives: [
    { intent: best, confidence: 0.6 },
    { intent: "emergency", confidence: emergencyProbability },
    { intent: "other", confidence: 0.1 },
  ],
  emergencyProbability,
  emergencyKind: "flood",
});
const rules = (over: Partial<IntentResult> = {}): IntentResult => ({ intent: "quote_request", confidence: 0.7, emergency: null, signals: [], ...over });

describe("combineReadings", () => {
  it("keeps the rules' emergency even when the model sees none (safety has the last word)", () => {
    const r = combineReadings(rules({ intent: "emergency", emergency: "gas", signals: ["gas:smell"] }), model(RULE_EMERGENCY_FLOOR), "huele a gas");
    expect(r).toMatchObject({ intent: "emergency", emergency: "gas", possibleEmergency: null });
    expect(r.alternatives[0]!.intent).toBe("emergency");
  });

  it("asks about a rules emergency the model finds implausible instead of escalating it", () => {
    const r = combineReadings(rules({ intent: "emergency", emergency: "electrical", signals: ["electrical:sparks"] }), model(RULE_EMERGENCY_FLOOR / 2), "x");
    expect(r).toMatchObject({ emergency: null, possibleEmergency: "electrical", intent: "quote_request" });
  });

  it("adds an emergency the rules missed when the model is confident, naming the hazard the text touches", () => {
    expect(combineReadings(rules(), model(EMERGENCY_ACCEPT + 0.1), "el gas de la cocina")).toMatchObject({ intent: "emergency", emergency: "gas" });
    expect(combineReadings(rules(), model(0.9), "todo mal")).toMatchObject({ intent: "emergency", emergency: "flood" });
  });

  it("asks instead of escalating when the model is unsure about an emergency", () => {
    const r = combineReadings(rules(), model((EMERGENCY_ASK + EMERGENCY_ACCEPT) / 2), "pierde agua el cano");
    expect(r).toMatchObject({ intent: "quote_request", emergency: null, possibleEmergency: "flood" });
    expect(r.alternatives.map((a) => a.intent)).not.toContain("emergency");
  });

  it("asks instead of escalating a model emergency in a hypothetical or a long-past episode", () => {
    expect(combineReadings(rules(), model(0.9), "que hago si siento olor a gas")).toMatchObject({ emergency: null, possibleEmergency: "gas" });
    expect(combineReadings(rules(), model(0.9), "el mes pasado salto un chispazo del toma")).toMatchObject({ emergency: null, possibleEmergency: "electrical" });
  });

  it("answers normally below the question threshold", () => {
    expect(combineReadings(rules(), model(EMERGENCY_ASK / 2), "cuanto sale")).toMatchObject({ intent: "quote_request", possibleEmergency: null });
  });

  it("works without rules (the learned engine alone)", () => {
    expect(combineReadings(null, model(0.02, "cancel"), "cancelo")).toMatchObject({ intent: "cancel", emergency: null });
  });
});
