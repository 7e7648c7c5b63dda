import { describe, expect, it } from "vitest";
import { matchService } from "./match-service";

// Rows of the demo price list (database/seed/demo-data.ts, DEMO_PRICE_LIST), copied: src does not import seed code.
const PRICE_LIST = [
  { code: "VISITA", name: "Visita de diagnóstico", serviceType: "GENERAL", keywords: ["visita", "revisar", "diagnostico", "presupuesto"] },
  { code: "DESTAP-CLOACA", name: "Destapación de cloaca", serviceType: "DRAINAGE", keywords: ["destapar", "destapacion", "cloaca", "tapado", "tapada"] },
  { code: "DESTAP-PILETA", name: "Destapación de pileta de cocina", serviceType: "DRAINAGE", keywords: ["pileta", "bacha", "desague"] },
  { code: "CANILLA", name: "Cambio de canilla o grifería", serviceType: "PLUMBING", keywords: ["canilla", "griferia", "gotea"] },
  { code: "TERMOTANQUE", name: "Instalación de termotanque", serviceType: "GAS", keywords: ["termotanque", "calefon"] },
  { code: "PERDIDA-GAS", name: "Detección y reparación de pérdida de gas", serviceType: "GAS", keywords: ["perdida de gas", "olor a gas", "fuga"] },
  { code: "HERMETICIDAD", name: "Prueba de hermeticidad", serviceType: "GAS", keywords: ["hermeticidad", "metrogas", "prueba"] },
  { code: "FLEXIBLE-GAS", name: "Cambio de flexible de gas", serviceType: "GAS", keywords: ["flexible", "conexion de gas"] },
  { code: "SPLIT-3000", name: "Instalación de split 3000 frigorías", serviceType: "HVAC", keywords: ["split", "aire", "instalacion de aire", "3000"] },
  { code: "SPLIT-SERVICE", name: "Service de aire acondicionado", serviceType: "HVAC", keywords: ["service", "aire", "carga de gas", "limpieza"] },
  { code: "PERDIDA-AGUA", name: "Reparación de pérdida de agua", serviceType: "PLUMBING", keywords: ["perdida de agua", "caño roto", "filtracion"] },
  { code: "TABLERO", name: "Revisión de tablero eléctrico", serviceType: "ELECTRICAL", keywords: ["tablero", "termica", "disyuntor", "luz"] },
];
const best = (text: string) => matchService(text, PRICE_LIST)[0]?.code ?? null;

describe("matchService", () => {
  it("matches the services customers ask for", () => {
    expect(best("cuánto sale destapar una cloaca")).toBe("DESTAP-CLOACA");
    expect(best("instalar un split de 3000 frigorias")).toBe("SPLIT-3000");
    expect(best("hacerle service al aire")).toBe("SPLIT-SERVICE");
    expect(best("cambiar la canilla de la cocina que gotea")).toBe("CANILLA");
    expect(best("cuanto me cobras x cambiar el calefon")).toBe("TERMOTANQUE");
    expect(best("cuánto sale una prueba de hermeticidad")).toBe("HERMETICIDAD");
    expect(best("me salta la térmica")).toBe("TABLERO");
  });

  it("lets the action decide between services on the same equipment", () => {
    expect(best("pasame precio de limpieza de split")).toBe("SPLIT-SERVICE");
    expect(best("precio instalacion split")).toBe("SPLIT-3000");
    expect(best("cuánto sale destapar la pileta?")).toBe("DESTAP-PILETA");
  });

  it("prefers the specific service over the generic visit unless the visit is named", () => {
    expect(best("cuanto sale que revisen la térmica")).toBe("TABLERO");
    expect(best("cuánto está una visita para ver el termotanque?")).toBe("VISITA");
  });

  it("ranks best first and returns nothing when nothing is plausible", () => {
    const ranked = matchService("cuánto sale la instalación de un split de 3000? y el service?", PRICE_LIST);
    expect(ranked[0]?.code).toBe("SPLIT-3000");
    expect(ranked.map((m) => m.code)).toContain("SPLIT-SERVICE");
    expect(ranked.every((m, i) => i === 0 || ranked[i - 1]!.score >= m.score)).toBe(true);
    expect(matchService("aceptan mercado pago?", PRICE_LIST)).toEqual([]);
    expect(matchService("hola", [])).toEqual([]);
  });
});
