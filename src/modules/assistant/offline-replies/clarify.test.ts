import { describe, expect, it } from "vitest";
import type { Understanding } from "../understanding/types";
import { clarificationFor } from "./clarify";

const reading = (alternatives: Understanding["alternatives"], extra: Partial<Understanding> = {}): Understanding => ({
  intent: alternatives[0]!.intent, confidence: alternatives[0]!.confidence, emergency: null, normalized: "", entities: {}, signals: [], alternatives, possibleEmergency: null, ...extra,
});

describe("clarificationFor", () => {
  it("asks between the two best readings only under CLARIFY_BELOW and when both lead somewhere", () => {
    expect(clarificationFor(reading([{ intent: "quote_request", confidence: 0.45 }, { intent: "schedule_request", confidence: 0.4 }]))).toEqual({ kind: "clarify", options: ["quote_request", "schedule_request"] });
    expect(clarificationFor(reading([{ intent: "quote_request", confidence: 0.7 }, { intent: "schedule_request", confidence: 0.2 }]))).toBeNull();
    expect(clarificationFor(reading([{ intent: "quote_request", confidence: 0.45 }]))).toBeNull();
    expect(clarificationFor(reading([{ intent: "other", confidence: 0.3 }, { intent: "greeting", confidence: 0.2 }]))).toBeNull();
  });

  it("asks reprogramar o cancelar when those two are close, or a lone one is unsure", () => {
    expect(clarificationFor(reading([{ intent: "reschedule", confidence: 0.62 }, { intent: "cancel", confidence: 0.55 }]))).toEqual({ kind: "reschedule_or_cancel" });
    expect(clarificationFor(reading([{ intent: "cancel", confidence: 0.4 }]))).toEqual({ kind: "reschedule_or_cancel" });
    expect(clarificationFor(reading([{ intent: "cancel", confidence: 0.9 }, { intent: "reschedule", confidence: 0.1 }]))).toBeNull();
  });

  it("never delays an emergency with a question", () => {
    expect(clarificationFor(reading([{ intent: "quote_request", confidence: 0.45 }, { intent: "schedule_request", confidence: 0.4 }], { emergency: "gas" }))).toBeNull();
  });
});
