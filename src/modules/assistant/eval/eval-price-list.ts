import type { PriceListEntry } from "../understanding/types";

// The demo organization's price list (database/seed/demo-data.ts, DEMO_PRICE_LIST), copied so the evaluation is
// fixed data: it must not move when someone edits the seed, and src/ does not import seed code.
export const EVAL_PRICE_LIST: readonly PriceListEntry[] = [
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
