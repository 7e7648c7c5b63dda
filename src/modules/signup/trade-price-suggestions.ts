import type { ServiceType } from "@campotech/database";

export type PriceSuggestion = { code: string; name: string; unit?: string; priceCents: number; keywords: string[] };

// A starting price list for each trade a new business picks at signup, so the assistant can quote from day one and
// the owner edits numbers instead of typing items. Typical AMBA labour prices (ARS, without IVA) as of late 2026;
// owners are expected to adjust them in /panel/precios.
export const TRADE_PRICE_SUGGESTIONS: Record<ServiceType, PriceSuggestion[]> = {
  PLUMBING: [
    { code: "PLO-VISITA", name: "Visita y diagnóstico de plomería", priceCents: 2_800_000, keywords: ["visita", "presupuesto", "revisar"] },
    { code: "PLO-DESTAPE", name: "Destapación de cañería", priceCents: 6_500_000, keywords: ["destapar", "tapado", "desagüe"] },
    { code: "PLO-PERDIDA", name: "Reparación de pérdida de agua", priceCents: 5_500_000, keywords: ["pérdida", "gotea", "caño roto"] },
    { code: "PLO-CANILLA", name: "Cambio de canilla monocomando", priceCents: 4_500_000, keywords: ["canilla", "grifería", "monocomando"] },
    { code: "PLO-FLEXIBLE", name: "Cambio de flexible", priceCents: 2_200_000, keywords: ["flexible", "conexión"] },
  ],
  GAS: [
    { code: "GAS-HERMETICIDAD", name: "Prueba de hermeticidad", priceCents: 8_500_000, keywords: ["hermeticidad", "metrogas", "naturgy", "habilitación"] },
    { code: "GAS-PERDIDA", name: "Reparación de pérdida de gas", priceCents: 7_500_000, keywords: ["olor a gas", "pérdida", "escape"] },
    { code: "GAS-CALEFON", name: "Instalación de calefón", priceCents: 12_000_000, keywords: ["calefón", "termotanque"] },
    { code: "GAS-SERVICE-ESTUFA", name: "Service de estufa o calefactor", priceCents: 4_500_000, keywords: ["estufa", "calefactor", "tiro balanceado"] },
  ],
  ELECTRICAL: [
    { code: "ELE-TABLERO", name: "Cambio de tablero", priceCents: 22_000_000, keywords: ["tablero", "térmica", "llave"] },
    { code: "ELE-DISYUNTOR", name: "Colocación de disyuntor diferencial", priceCents: 7_000_000, keywords: ["disyuntor", "diferencial", "salta la luz"] },
    { code: "ELE-CORTO", name: "Búsqueda y reparación de cortocircuito", priceCents: 5_500_000, keywords: ["corto", "cortocircuito", "sin luz"] },
    { code: "ELE-BOCA", name: "Agregado de toma o boca", unit: "boca", priceCents: 2_800_000, keywords: ["toma", "enchufe", "boca"] },
  ],
  HVAC: [
    { code: "CLI-SPLIT-3000", name: "Instalación de split 3000 frigorías", priceCents: 26_000_000, keywords: ["split", "aire acondicionado", "instalación"] },
    { code: "CLI-SERVICE", name: "Service y limpieza de split", priceCents: 6_000_000, keywords: ["limpieza", "service", "mantenimiento"] },
    { code: "CLI-CARGA-GAS", name: "Carga de gas refrigerante", priceCents: 9_500_000, keywords: ["carga de gas", "no enfría", "refrigerante"] },
  ],
  DRAINAGE: [
    { code: "DES-CLOACA", name: "Destapación de cloaca con máquina", priceCents: 9_000_000, keywords: ["cloaca", "máquina", "destapar"] },
    { code: "DES-PILETA", name: "Destapación de pileta de cocina", priceCents: 4_500_000, keywords: ["pileta", "cocina", "tapada"] },
    { code: "DES-CAMARA", name: "Limpieza de cámara séptica", priceCents: 12_000_000, keywords: ["cámara séptica", "pozo", "desagote"] },
  ],
  GENERAL: [
    { code: "GEN-VISITA", name: "Visita técnica", priceCents: 2_500_000, keywords: ["visita", "presupuesto"] },
    { code: "GEN-HORA", name: "Hora de trabajo", unit: "hora", priceCents: 3_000_000, keywords: ["hora", "mano de obra"] },
  ],
};
