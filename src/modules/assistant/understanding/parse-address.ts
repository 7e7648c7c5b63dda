// An Argentine address as a customer types it on WhatsApp, split into what the address book keeps (street and
// number, floor/apartment, barrio or locality, references). Pure: no geocoding, no lookups. The text keeps the
// customer's spelling; only the pieces are told apart.
export type ParsedAddress = {
  // The street's name without the number ("Av. San Martín", "Calle 7").
  street: string | null;
  // The house number ("1234"), or "S/N" for a house without one.
  number: string | null;
  floorApartment: string | null;
  locality: string | null;
  references: string | null;
};

const LEAD = /^(?:(?:s[ií]|dale|ok|bueno)[,.!]?\s+)?(?:(?:la|mi) (?:direcci[oó]n|dire|casa) es|es en|queda en|vivo en|estoy en|ser[ií]a en|en)\s*:?\s*/i;
// "nro 845", "n° 845", "número 845", "#845", "al 845" (Argentines give the height with "al").
const NUMBER_MARK = /\s+(?:n(?:ro|°|º|um|umero|úmero)\.?|#|al)\s*(\d{1,5}|s\/n)\b/i;
const FLOOR = /^(?:(?:piso\s*)?(\d{1,2}|pb)\s*(?:°|º|piso)?\s*(?:(?:dto|dpto|depto|departamento|dep|of|oficina)\.?\s*)?([a-z]|\d{1,2})?\b|(?:dto|dpto|depto|departamento)\.?\s*([a-z0-9]{1,3})\b)/i;
const REFERENCE = /^(?:entre|esquina|esq\.?|frente|enfrente|al lado|a la vuelta|cerca|casa|port[oó]n|reja|rejas|timbre|tocar|golpear|pasillo|fondo|al fondo|puerta|edificio|torre|lote|manzana|mz)\b/i;
const BARRIO = /^(?:barrio|b°|bº|bo\.?)\s+/i;
const STREET_WORDS = /\b(?:calle|av|avda|avenida|pasaje|pje|bv|boulevard|bulevar|ruta|diagonal|diag|camino)\b/i;

export function parseAddress(text: string): ParsedAddress {
  const result: ParsedAddress = { street: null, number: null, floorApartment: null, locality: null, references: null };
  // "no, es en lo de mi vieja: calle 7 845" — what follows a colon is the address when it carries a number.
  const afterColon = text.slice(text.lastIndexOf(":") + 1);
  const body = text.includes(":") && /\d/.test(afterColon) ? afterColon : text;
  const cleaned = body.replace(/\s+/g, " ").trim().replace(/^no[,.!]?\s+/i, "").replace(LEAD, "").replace(/[.!]+$/, "");
  const parts = cleaned.split(/\s*(?:[,;\n]|\s-\s)\s*/).map((p) => p.trim()).filter(Boolean);
  const localities: string[] = [];
  const references: string[] = [];
  for (const part of parts) {
    if (!result.number) {
      const found = streetAndNumber(part);
      if (found) {
        result.street = found.street;
        result.number = found.number;
        readRest(found.rest, result, localities, references);
        continue;
      }
    }
    readPart(part, result, localities, references);
  }
  if (!result.number && !result.street) {
    // No number anywhere: the first part that reads like a street is kept, so the next answer only adds the number.
    const streetLike = parts.find((p) => STREET_WORDS.test(p) || /^[a-záéíóúñ]+(?: [a-záéíóúñ.]+){1,4}$/i.test(p));
    if (streetLike && streetLike === parts[0] && (STREET_WORDS.test(streetLike) || parts.length > 1)) {
      result.street = capitalize(streetLike);
      localities.splice(localities.indexOf(streetLike), 1);
    }
  }
  if (localities.length) result.locality = localities.join(", ");
  if (references.length) result.references = references.join(", ");
  return result;
}

export function isCompleteAddress(a: ParsedAddress): boolean {
  return Boolean(a.street && a.number);
}

function streetAndNumber(part: string): { street: string; number: string; rest: string } | null {
  const marked = part.match(NUMBER_MARK);
  if (marked && marked.index! > 0) {
    return { street: capitalize(part.slice(0, marked.index).trim()), number: marked[1]!.toUpperCase(), rest: part.slice(marked.index! + marked[0].length).trim() };
  }
  // The first number that is not part of the name: "Calle 7 845" (a numbered street), "9 de Julio 1500", "25 de Mayo 350".
  const numbered = /^(?:calle|diagonal|diag|ruta)\s+\d{1,3}\b/i.exec(part);
  const from = numbered ? numbered[0].length : 0;
  const pattern = /(?<![\d°º])\b(\d{1,5})\b(?!\s*(?:°|º|de\s|hs\b|:))/g;
  pattern.lastIndex = from;
  const m = pattern.exec(part);
  if (!m || m.index === 0) return null;
  const street = part.slice(0, m.index).trim();
  if (!/[a-záéíóúñ]{2,}/i.test(street)) return null;
  return { street: capitalize(street), number: m[1]!, rest: part.slice(m.index + m[0].length).trim() };
}

// What follows the number in the same part: "3°B", "piso 2 dto A", "entre 50 y 51 La Plata", "Lanús".
function readRest(rest: string, result: ParsedAddress, localities: string[], references: string[]): void {
  let text = rest;
  const floor = FLOOR.exec(text);
  if (floor && text && /\d|pb|dto|dpto|depto|departamento|piso/i.test(floor[0])) {
    result.floorApartment = floor[0].trim();
    text = text.slice(floor[0].length).trim();
  }
  const between = /\b(entre .+? y \S+)(.*)$/i.exec(text);
  if (between) {
    references.push(between[1]!.trim());
    const before = text.slice(0, between.index).trim();
    if (before) localities.push(before);
    text = between[2]!.trim();
  }
  if (text) readPart(text, result, localities, references);
}

function readPart(part: string, result: ParsedAddress, localities: string[], references: string[]): void {
  const barrio = part.replace(BARRIO, "");
  if (barrio !== part) {
    localities.push(`Barrio ${barrio}`);
    return;
  }
  if (REFERENCE.test(part)) {
    references.push(part);
    return;
  }
  const floor = FLOOR.exec(part);
  if (!result.floorApartment && floor && floor[0].length >= part.length - 1 && /\d|pb/i.test(part)) {
    result.floorApartment = part;
    return;
  }
  localities.push(part);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
