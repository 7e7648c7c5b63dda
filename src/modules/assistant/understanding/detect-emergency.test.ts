import { describe, expect, it } from "vitest";
import { detectEmergency } from "./detect-emergency";
import { normalizeText } from "./normalize-text";

const kind = (text: string) => detectEmergency(normalizeText(text))?.kind ?? null;

describe("detectEmergency", () => {
  it("catches gas smells and leaks happening now", () => {
    expect(kind("huele a gas en toda la casa")).toBe("gas");
    expect(kind("cuánto sale arreglar una pérdida de gas que tengo ahora, huele fuerte")).toBe("gas");
    expect(kind("se escucha un silbido en el caño de gas y huele muchisimo")).toBe("gas");
  });

  it("catches electrical danger", () => {
    expect(kind("el tablero está echando chispas")).toBe("electrical");
    expect(kind("sale humo del enchufe")).toBe("electrical");
    expect(kind("se prendió fuego el tablero")).toBe("electrical");
    expect(kind("me da una patadita la ducha")).toBe("electrical");
  });

  it("catches floods", () => {
    expect(kind("se reventó un caño")).toBe("flood");
    expect(kind("sale agua a chorros de la pared")).toBe("flood");
    expect(kind("el agua ya está llegando al living")).toBe("flood");
  });

  it("catches no power with risk, not a plain outage", () => {
    expect(kind("sin luz y mi mamá es electrodependiente")).toBe("no_power_risk");
    expect(kind("se cortó la luz y hay un cable colgando tocando el agua")).toBe("no_power_risk");
    expect(kind("se cortó la luz en toda la cuadra")).toBeNull();
  });

  it("catches carbon monoxide: symptoms with a burning appliance, or the alarm", () => {
    expect(kind("dolor de cabeza y mareo desde que prendí el calefactor")).toBe("carbon_monoxide");
    expect(kind("la llama del calefón está amarilla y mi señora se mareó")).toBe("carbon_monoxide");
    expect(kind("el detector de CO está sonando")).toBe("carbon_monoxide");
    expect(kind("el calefón hace llama amarilla, hay que limpiarlo?")).toBeNull();
  });

  it("ignores gas services quoted without danger", () => {
    expect(kind("cuánto sale una prueba de hermeticidad")).toBeNull();
    expect(kind("cuánto cobran por cambiar el flexible de gas")).toBeNull();
    expect(kind("hacen carga de gas de aire acondicionado?")).toBeNull();
  });

  it("ignores dangers that are over, imagined or denied, unless they came back", () => {
    expect(kind("ayer tuve olor a gas pero ya lo arregló metrogas")).toBeNull();
    expect(kind("qué hago si siento olor a gas?")).toBeNull();
    expect(kind("no hay olor a gas, pero quiero revisar la instalación")).toBeNull();
    expect(kind("ya lo arreglaron pero de nuevo huele a gas")).toBe("gas");
  });

  it("treats 'urgente' plus a hazardous trade as an emergency (safety net for unforeseen wording)", () => {
    expect(kind("urgente, problema con el gas de la cocina")).toBe("gas");
    expect(kind("no es urgente, tengo una pérdida de agua chiquita")).toBeNull();
  });
});

describe("detectEmergency: history and maintenance are not emergencies", () => {
  it("ignores an episode weeks back unless it is still going on", () => {
    expect(kind("el mes pasado sentimos olor a gas, queremos que lo revisen")).toBeNull();
    expect(kind("la semana pasada saltó un chispazo del toma, desde ese día no lo usamos")).toBeNull();
    expect(kind("el mes pasado sentimos olor a gas y ahora huele de nuevo")).toBe("gas");
  });

  it("reads 'nadie se siente mal' as no symptoms", () => {
    expect(kind("la estufa hace llama amarilla, nadie se siente mal pero quiero revisarla")).toBeNull();
    expect(kind("la estufa hace llama amarilla y mi hijo se siente mal")).toBe("carbon_monoxide");
  });

  it("ignores a CO detector chirping for its battery, not one sounding after the battery was changed", () => {
    expect(kind("el detector de monóxido hace un pitido y dice LO BAT, es la pila?")).toBeNull();
    expect(kind("le cambié la pila al detector de monóxido y sigue sonando")).toBe("carbon_monoxide");
  });
});

describe("detectEmergency: the customer explains it was handled or asks a what-if", () => {
  it("ignores a danger they fixed themselves", () => {
    expect(kind("hubo olor a quemado en el pasillo, era la lámpara, ya la cambiamos. presupuesto para revisar?")).toBeNull();
    expect(kind("había olor a gas, era la hornalla abierta, ya la cerramos")).toBeNull();
  });

  it("ignores a what-if with the condition first", () => {
    expect(kind("si tengo el detector de monóxido y suena, qué tengo que hacer?")).toBeNull();
    expect(kind("el detector de monóxido está sonando, qué tengo que hacer?")).toBe("carbon_monoxide");
    expect(kind("la hornalla hizo un fogonazo y ahora hay olor a gas, no sé si cortar la llave o qué hago")).toBe("gas");
  });
});
