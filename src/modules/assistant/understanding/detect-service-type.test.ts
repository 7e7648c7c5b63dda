import { describe, expect, it } from "vitest";
import { detectServiceType } from "./detect-service-type";

describe("detectServiceType", () => {
  it("reads the trade from Argentine vocabulary", () => {
    expect(detectServiceType("quiero que vengan a revisar el aire")).toBe("HVAC");
    expect(detectServiceType("el calefón no prende")).toBe("GAS");
    expect(detectServiceType("me salta la térmica")).toBe("ELECTRICAL");
    expect(detectServiceType("se tapó la cloaca")).toBe("DRAINAGE");
    expect(detectServiceType("la canilla gotea")).toBe("PLUMBING");
  });

  it("lets the equipment decide over the symptom", () => {
    expect(detectServiceType("el split gotea agua por adentro")).toBe("HVAC");
    expect(detectServiceType("se tapó la bacha de la cocina")).toBe("DRAINAGE");
    expect(detectServiceType("hacen carga de gas de aire acondicionado?")).toBe("HVAC");
  });

  it("falls back to GENERAL for a plain visit and null for nothing", () => {
    expect(detectServiceType("cuánto sale la visita?")).toBe("GENERAL");
    expect(detectServiceType("aceptan mercado pago?")).toBeNull();
  });
});
