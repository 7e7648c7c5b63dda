import { normalizeText } from "./normalize-text";
import type { ServiceType } from "./types";

// Trade vocabulary as Argentine customers use it. Equipment nouns weigh more than symptoms: "el aire gotea" is an
// air-conditioning job even though "gotea" sounds like plumbing.
const LEXICON: [Exclude<ServiceType, "GENERAL">, RegExp, number][] = [
  ["HVAC", /\b(?:aires?|split|splits|frigorias?|aire acondicionado|equipo de aire|climatizacion)\b/g, 3],
  ["HVAC", /\bcarga de gas\b/g, 3],
  ["HVAC", /\bno enfria\b/g, 2],
  ["GAS", /\b(?:gasista|gasistas|termotanques?|calefon|calefones|calefactor(?:es)?|tiro balanceado|hermeticidad)\b/g, 3],
  ["GAS", /\b(?:metrogas|naturgy|camuzzi|ecogas|estufas?|hornallas?|garrafa|agua caliente|caldera)\b/g, 2],
  ["GAS", /\bgas\b(?<!\bcarga de gas)/g, 2],
  ["GAS", /\b(?:horno|piloto)\b/g, 1],
  ["ELECTRICAL", /\b(?:termicas?|disyuntor(?:es)?|tablero|enchufes?|tomacorrientes?|electricistas?|electric\w*|cortocircuito)\b/g, 3],
  ["ELECTRICAL", /\b(?:luz|luces|lamparas?|edesur|edenor|(?:el|los|un) tomas?)\b/g, 2],
  ["ELECTRICAL", /\bcables?\b/g, 1],
  ["DRAINAGE", /\b(?:cloacas?|destap\w*|tapad[oa]s?|se tapo|tapo|desagues?|camara septica|atascad\w*|agua servida)\b/g, 3],
  ["DRAINAGE", /\b(?:no baja|desagot\w*|pozo|rejilla)\b/g, 2],
  ["PLUMBING", /\b(?:canillas?|griferias?|perdida de agua|filtracion(?:es)?|plomer\w*|bomba de agua|tanque de agua)\b/g, 3],
  ["PLUMBING", /\b(?:canos?|inodoros?|mochila|humedad|ducha|sifon)\b/g, 2],
  ["PLUMBING", /\b(?:perdida|pierde agua|gotea\w*|pierde|bacha|pileta|flexible|llave de paso)\b/g, 1],
  ["PLUMBING", /\bagua\b/g, 0.5],
];
const GENERAL = /\b(?:visita|diagnostico|arreglos? general\w*|mantenimiento general)\b/;
// Ties go to the trade where a mistake costs most.
const PRIORITY: ServiceType[] = ["GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "PLUMBING"];

// The trade a message is about, from its vocabulary alone (no price list needed). GENERAL only when the customer
// asks for a visit or diagnosis without naming any trade; null when nothing points anywhere.
export function detectServiceType(text: string): ServiceType | null {
  const s = normalizeText(text);
  const scores = new Map<ServiceType, number>();
  for (const [type, pattern, weight] of LEXICON) {
    const hits = [...s.matchAll(pattern)].length;
    if (hits) scores.set(type, (scores.get(type) ?? 0) + weight * Math.min(hits, 2));
  }
  let best: ServiceType | null = null;
  for (const type of PRIORITY) {
    if ((scores.get(type) ?? 0) > (best ? scores.get(best)! : 0)) best = type;
  }
  return best ?? (GENERAL.test(s) ? "GENERAL" : null);
}
