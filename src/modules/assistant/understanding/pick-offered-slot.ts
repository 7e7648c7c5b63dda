import { localDateOf } from "../../../lib/time";
import { normalizeText } from "./normalize-text";
import { parseWhen } from "./parse-when";
import type { DayPart, OfferedSlot } from "./types";

const ORDINALS: [RegExp, (count: number) => number][] = [
  [/\b(?:primer|primero|primera(?! hora)|1ro|1ra|1er)\b/, () => 0],
  [/\b(?:segundo|segunda|2do|2da)\b/, () => 1],
  [/\b(?:tercer|tercero|tercera|3ro|3ra|3er)\b/, () => 2],
  [/(?<!\by )\b(?:cuarto|cuarta|4to|4ta)\b/, () => 3],
  [/\b(?:quinto|quinta|5to|5ta)\b/, () => 4],
  [/\b(?:ultimo|ultima)\b/, (count) => count - 1],
];
const YES = /^(?:si+|sisi|dale|ok|okay|bueno|listo|perfecto|joya|de una|genial|barbaro|va|vamos|me sirve|esta bien|confirmo|ese|esa)(?: (?:si|dale|ok|perfecto|gracias|por favor|me sirve|ese|esa|esta bien|confirmo))*$/;
const REFUSAL = /\b(?:ningun|ninguno|ninguna|no me sirve|no puedo)\b/;

// Which of the slots the assistant just offered the customer picked: by position ("la primera", "opción 2", "2",
// "el último"), by its day or time ("el de las 10", "el martes", "mañana a la tarde", "el 20 a las 10"), or by a
// plain yes when only one slot was offered. Null when nothing or more than one slot fits.
export function pickOfferedSlot(
  text: string,
  slots: OfferedSlot[],
  now: Date,
  timeZone = "America/Argentina/Buenos_Aires",
): number | null {
  if (slots.length === 0) return null;
  const s = normalizeText(text);
  if (REFUSAL.test(s)) return null;
  const inRange = (i: number) => (i >= 0 && i < slots.length ? i : null);

  for (const [pattern, index] of ORDINALS) if (pattern.test(s)) return inRange(index(slots.length));
  // "opción 2", "la 3", "el 2", or just "2" — a small number that is not a day of the month with a time.
  const numbered = s.match(/^(?:(?:la|el|opcion|nro|numero|la opcion|el numero|turno)\s)?([1-9])(?:\s(?:por favor|porfa|gracias|ok|dale))*$/)
    ?? s.match(/\bopcion\s([1-9])\b/);
  if (numbered) return inRange(Number(numbered[1]) - 1);

  const when = parseWhen(s, now, timeZone);
  if (when) {
    const fits = slots
      .map((slot, i) => ({ i, ...describe(slot, timeZone) }))
      .filter((slot) => (!when.date || slot.date === when.date) && (!when.dayPart || slot.dayPart === when.dayPart))
      .filter((slot) => !when.time || slot.time === when.time);
    return fits.length === 1 ? fits[0]!.i : null;
  }
  return slots.length === 1 && YES.test(s) ? 0 : null;
}

function describe(slot: OfferedSlot, timeZone: string): { date: string; time: string; dayPart: DayPart } {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(slot.start);
  const hour = Number(time.slice(0, 2));
  return { date: localDateOf(slot.start, timeZone), time, dayPart: hour < 13 ? "morning" : hour < 19 ? "afternoon" : "evening" };
}
