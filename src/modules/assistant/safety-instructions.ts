import type { EmergencyKind } from "./understanding/types";

// The immediate answer to an emergency: what to do now, before anyone arrives. Short lines a scared person can
// follow on a phone. The gas distributors' emergency lines are the public ones (Metrogas / Naturgy 0800).
const INSTRUCTIONS: Record<EmergencyKind, string[]> = {
  gas: [
    "⚠️ Por tu seguridad, hacé esto ya:",
    "1. No toques llaves de luz ni enchufes, no prendas fuego ni uses el encendedor.",
    "2. Abrí puertas y ventanas para ventilar.",
    "3. Cerrá la llave de paso del gas (junto al medidor o al artefacto).",
    "4. Si el olor es fuerte, salí de la casa y llamá a la emergencia de tu distribuidora desde afuera: Metrogas 0800-333-4444, Naturgy 0800-555-3030 (o al 911).",
  ],
  electrical: [
    "⚠️ Por tu seguridad, hacé esto ya:",
    "1. Si podés hacerlo sin mojarte ni tocar nada caliente, bajá la térmica o el disyuntor general.",
    "2. No toques el cable, enchufe o artefacto que echa chispas o humo.",
    "3. Si hay fuego, no uses agua: salí y llamá a los bomberos al 100.",
  ],
  flood: [
    "⚠️ Para frenar el agua ya:",
    "1. Cerrá la llave de paso general (suele estar cerca del medidor o en la entrada).",
    "2. Cortá la luz de los ambientes mojados desde el tablero, sin pisar agua.",
    "3. Sacá del piso lo que se pueda dañar.",
  ],
  no_power_risk: [
    "⚠️ Por tu seguridad:",
    "1. No toques cables caídos ni pelados, y alejate del agua si hay cables cerca.",
    "2. Si alguien depende de un equipo eléctrico (oxígeno, etc.), llamá al 911 y a la guardia de tu distribuidora (Edenor 0800-666-4001, Edesur 0800-999-3375).",
  ],
  carbon_monoxide: [
    "⚠️ Esto puede ser monóxido de carbono. Hacé esto ya:",
    "1. Abrí puertas y ventanas y apagá el calefactor, calefón o brasero.",
    "2. Salí de la casa con todos (y las mascotas) al aire libre.",
    "3. Si alguien tiene dolor de cabeza, mareos o náuseas, llamá al SAME 107 o al 911.",
  ],
};

export function safetyInstructions(kind: EmergencyKind): string {
  return INSTRUCTIONS[kind].join("\n");
}

export const EMERGENCY_LABELS: Record<EmergencyKind, string> = {
  gas: "pérdida de gas",
  electrical: "riesgo eléctrico",
  flood: "pérdida de agua / inundación",
  no_power_risk: "corte de luz con riesgo",
  carbon_monoxide: "posible monóxido de carbono",
};
