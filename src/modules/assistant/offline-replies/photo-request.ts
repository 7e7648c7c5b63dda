import type { EngineInput } from "../engine-types";
import type { Call } from "./reply-kit";

// Services a photo helps the technician prepare for (what to bring, how big the job is), by price-list code or by
// trade plus words in what the customer described. First match wins; no match, no photo asked.
const PHOTO_RULES: { codes?: RegExp; serviceTypes?: string[]; words?: RegExp; ask: string }[] = [
  { codes: /^DESTAP/, serviceTypes: ["DRAINAGE"], ask: "una foto de la pileta, la rejilla o la cámara tapada" },
  { codes: /^SPLIT-\d/, ask: "una foto de la pared donde va el split y de dónde iría la unidad exterior" },
  { serviceTypes: ["HVAC"], words: /\b(?:gotea|pierde|perdida|hielo|ruido)\b/, ask: "una foto del equipo (y de la etiqueta con el modelo, si se ve)" },
  { serviceTypes: ["ELECTRICAL"], words: /\btablero|termica|disyuntor|llave de luz\b/, ask: "una foto del tablero abierto" },
  { serviceTypes: ["PLUMBING", "GENERAL"], words: /\bcanilla|grifo|griferia|monocomando\b/, ask: "una foto de la canilla" },
  { serviceTypes: ["PLUMBING", "GENERAL"], words: /\b(?:perdida|gotea|pierde|humedad|filtra|mancha)\b/, ask: "una foto de la pérdida o la mancha de humedad" },
  { serviceTypes: ["GAS"], words: /\bcalefon|termotanque|caldera\b/, ask: "una foto del artefacto y de su etiqueta" },
];

export function photoRequestFor(service: { code?: string; serviceType?: string } | undefined, description: string | undefined): string | null {
  const text = (description ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  for (const rule of PHOTO_RULES) {
    const byCode = rule.codes && service?.code ? rule.codes.test(service.code) : false;
    const byType = rule.serviceTypes ? rule.serviceTypes.includes(service?.serviceType ?? "") : true;
    const byWords = rule.words ? rule.words.test(text) : true;
    if ((byCode && (!rule.words || byWords)) || (!byCode && rule.serviceTypes && byType && byWords)) return rule.ask;
  }
  return null;
}

// Photos sent after the assistant asked: attached to the job; the reply thanks for them either way.
export async function readPhotos(input: EngineInput, call: Call): Promise<string | null> {
  if (!input.ctx.state.photo) return null;
  const result = await call<{ attached: number; pending: number; jobNumber: number }>("attach_customer_photos", {});
  if (!result || result.attached + result.pending === 0) return null;
  input.ctx.state.photo = { ...input.ctx.state.photo, thankedAt: input.ctx.now };
  return result.attached
    ? `¡Gracias por la foto! La sumamos al trabajo #${result.jobNumber} para que el técnico la vea antes de ir.`
    : "¡Gracias por la foto! Se la pasamos al técnico para que la vea antes de ir.";
}
