import { describe, expect, it } from "vitest";
import { modelFeatures } from "./model-features";

const shared = (a: string[], b: string[]) => a.filter((f) => b.includes(f)).length / Math.max(a.length, b.length);

describe("modelFeatures", () => {
  it("reads WhatsApp spellings as the same words (accents, repeated letters, abbreviations)", () => {
    expect(modelFeatures("Mañana?")).toContain("w:manana");
    expect(modelFeatures("holaaaa")).toContain("w:hola");
    expect(modelFeatures("xq no vienen")).toContain("w:porque");
    expect(modelFeatures("q onda")).toContain("w:que");
  });

  it("shares character n-grams between misspellings, so an unseen typo still lands near its word", () => {
    expect(shared(modelFeatures("urgente"), modelFeatures("urjente"))).toBeGreaterThan(0.2);
    expect(shared(modelFeatures("urgente"), modelFeatures("turno"))).toBeLessThan(0.1);
  });

  it("marks the question the assistant had asked, and words read in that context", () => {
    const plain = modelFeatures("si");
    const afterSlots = modelFeatures("si", "slot_choice");
    expect(plain.some((f) => f.startsWith("ctx:"))).toBe(false);
    expect(afterSlots).toContain("ctx:slot_choice");
    expect(afterSlots).toContain("ctx:slot_choice:w:si");
  });

  it("has shape features for questions, times and a bare digit", () => {
    expect(modelFeatures("vienen el jueves?")).toContain("shape:question");
    expect(modelFeatures("a las 10:30")).toContain("shape:time");
    expect(modelFeatures("2")).toContain("shape:digit-only");
    expect(modelFeatures("SE INUNDA TODO")).toContain("shape:caps");
  });
});
