import { addDays, localDateOf, weekdayOf } from "../../../lib/time";
import { normalizeText } from "./normalize-text";
import type { DayPart, When } from "./types";

const WEEKDAYS: Record<string, number> = { domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6 };
const MONTHS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).join("|");

type DateMention = { at: number; date: string; relative?: When["relative"] };
type Mention<T> = { at: number; value: T };

// Customers correct themselves with "en vez de X" / "en lugar de X": X is the time they do NOT want.
const REPLACED = /\ben (?:vez|lugar) (?:de|del)(?: a)?(?: (?:la|las|el))? ?$/;

// Reads when a customer wants something, resolved against `now` in Buenos Aires local dates. Returns null when the
// text names no day or time. When several days are named, the last one wins: Spanish states the new target last
// ("cambiar el de mañana para el viernes"); anything right after "en vez de" is ignored.
// "mañana" alone is tomorrow; "la mañana" (a la / por la / de la) is the morning. Bare hours 1–7 are afternoon
// hours ("a las 3" → 15:00) because nobody books a technician at 3 a.m.
export function parseWhen(text: string, now: Date, timeZone = "America/Argentina/Buenos_Aires"): When | null {
  const s = normalizeText(text);
  const today = localDateOf(now, timeZone);
  const kept = <T extends { at: number }>(mentions: T[]) => mentions.filter((m) => !REPLACED.test(s.slice(0, m.at)));

  const bounds = kept(boundMentions(s));
  const date = last(kept(dateMentions(s, today)));
  const time = last(kept(timeMentions(s, bounds.map((b) => b.span))));
  const dayPart = last(kept(dayPartMentions(s)));
  const nextWeek = /\b(?:semana (?:que viene|proxima)|proxima semana)\b/.test(s);
  const weekend = /\bfin(?:es)? de semana\b/.test(s) && !date;
  const after = last(bounds.filter((b) => b.value.side === "after"))?.value.time ?? IMPLIED_BOUNDS.find(([p, side]) => side === "after" && p.test(s))?.[2];
  const before = last(bounds.filter((b) => b.value.side === "before"))?.value.time ?? IMPLIED_BOUNDS.find(([p, side]) => side === "before" && p.test(s))?.[2];

  if (!date && !time && !dayPart && !nextWeek && !weekend && !after && !before) return null;
  const when: When = {};
  if (date) {
    when.date = date.date;
    when.weekday = weekdayOf(date.date);
    if (date.relative) when.relative = date.relative;
  } else if (nextWeek) when.relative = "next_week";
  if (dayPart) when.dayPart = dayPart.value;
  if (time) when.time = time.value;
  if (after) when.after = after;
  if (before) when.before = before;
  if (weekend) when.weekend = true;
  return when;
}

function last<T extends { at: number }>(mentions: T[]): T | undefined {
  return mentions.sort((a, b) => a.at - b.at).at(-1);
}

function dateMentions(s: string, today: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of s.matchAll(/\bpasado manana\b/g)) found.push({ at: m.index, date: addDays(today, 2), relative: "day_after" });
  for (const m of s.matchAll(/\b(?:hoy|esta (?:tarde|noche))\b/g)) found.push({ at: m.index, date: today, relative: "today" });
  // "mañana" is tomorrow unless it is "la mañana", "pasado mañana", "esta mañana", "toda la mañana"…
  for (const m of s.matchAll(/(?<!\b(?:la|pasado|esta|una|cada) )\bmanana\b/g)) {
    found.push({ at: m.index, date: addDays(today, 1), relative: "tomorrow" });
  }
  for (const m of s.matchAll(/\b(domingo|lunes|martes|miercoles|jueves|viernes|sabado)\b/g)) {
    const ahead = (WEEKDAYS[m[1]!]! - weekdayOf(today) + 7) % 7 || 7; // next occurrence, never today
    found.push({ at: m.index, date: addDays(today, ahead) });
  }
  for (const m of s.matchAll(new RegExp(`\\b(\\d{1,2}) de (${MONTH_NAMES})(?: (?:de )?(\\d{4}))?\\b`, "g"))) {
    const date = resolveDayMonth(today, Number(m[1]), MONTHS[m[2]!]!, m[3] ? Number(m[3]) : undefined);
    if (date) found.push({ at: m.index, date });
  }
  for (const m of s.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\b/g)) {
    const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined;
    const date = resolveDayMonth(today, Number(m[1]), Number(m[2]), year);
    if (date) found.push({ at: m.index, date });
  }
  // "el 15", "para el 2": a day of this month, or of the next one when it already passed. Not a time ("el 10hs"),
  // not a date written another way ("el 15/12", "el 3 de diciembre"), not a phone number ("al 11 5555 4444").
  // "el sábado 28" names the day by its number too; the number wins over "next Saturday".
  const dayOnly = new RegExp(`\\b(?:el|al|del|dia|domingo|lunes|martes|miercoles|jueves|viernes|sabado) (\\d{1,2})\\b(?!:|hs|/| de (?:${MONTH_NAMES})| \\d{3,})`, "g");
  for (const m of s.matchAll(dayOnly)) {
    const date = resolveDayOfMonth(today, Number(m[1]));
    if (date) found.push({ at: m.index, date });
  }
  return found;
}

function isValidDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

function resolveDayMonth(today: string, day: number, month: number, year?: number): string | undefined {
  if (month < 1 || month > 12) return undefined;
  if (year !== undefined) return isValidDate(year, month, day) ? iso(year, month, day) : undefined;
  const thisYear = Number(today.slice(0, 4));
  for (const y of [thisYear, thisYear + 1]) {
    if (isValidDate(y, month, day) && iso(y, month, day) >= today) return iso(y, month, day);
  }
  return undefined;
}

function resolveDayOfMonth(today: string, day: number): string | undefined {
  if (day < 1 || day > 31) return undefined;
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  for (let i = 0; i < 3; i++) {
    if (isValidDate(year, month, day) && iso(year, month, day) >= today) return iso(year, month, day);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return undefined;
}

// Phrases that bound the time without naming an hour: "a primera hora" is the first visits of the morning, "la
// siesta" the early afternoon (13 to 16 in most of the country).
const IMPLIED_BOUNDS: [RegExp, "after" | "before", string][] = [
  [/\bprimera hora\b/, "before", "10:00"],
  [/\bla siesta\b/, "after", "13:00"],
  [/\bla siesta\b/, "before", "16:00"],
];

type Bound = { side: "after" | "before"; time: string };

// "después de las 18", "a partir de las 16", "desde las 9" bound the start from below; "antes de las 10", "hasta
// las 12" from above. Their hours are not also read as a wanted time.
function boundMentions(s: string): (Mention<Bound> & { span: [number, number] })[] {
  const found: (Mention<Bound> & { span: [number, number] })[] = [];
  const pattern = /\b(?:(despues de|a partir de|antes de) (?:las |la )?|(desde|hasta) las? )(\d{1,2})(?::(\d{2}))?(?: ?hs)?\b(?!\/| de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre))/g;
  for (const m of s.matchAll(pattern)) {
    const time = clock(Number(m[3]), Number(m[4] ?? 0), s.slice(m.index + m[0].length));
    if (!time) continue;
    const word = m[1] ?? m[2];
    const side = word === "antes de" || word === "hasta" ? "before" : "after";
    found.push({ at: m.index, value: { side, time }, span: [m.index, m.index + m[0].length] });
  }
  return found;
}

// An hour as customers write it: 1–7 without "de la mañana" are afternoon hours; "de la tarde" and "pm" add 12.
function clock(hour: number, minute: number, rest: string): string | null {
  let h = hour;
  if (/^ de la (?:tarde|noche)\b|^ ?pm\b/.test(rest) && h < 12) h += 12;
  else if (!/^ de la manana\b|^ ?am\b/.test(rest) && h >= 1 && h <= 7) h += 12;
  if (h > 23 || minute > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

function timeMentions(s: string, excluded: [number, number][] = []): Mention<string>[] {
  const found: Mention<string>[] = [];
  const taken: [number, number][] = [...excluded];
  const add = (at: number, length: number, hour: number, minute: number) => {
    if (taken.some(([from, to]) => at < to && from < at + length)) return;
    const value = clock(hour, minute, s.slice(at + length));
    if (!value) return;
    taken.push([at, at + length]);
    found.push({ at, value });
  };
  for (const m of s.matchAll(/\b(\d{1,2}):(\d{2})\b/g)) add(m.index, m[0].length, Number(m[1]), Number(m[2]));
  for (const m of s.matchAll(/\b(\d{1,2})hs\b/g)) add(m.index, m[0].length, Number(m[1]), 0);
  for (const m of s.matchAll(/\blas (\d{1,2})(?: y (media|cuarto))?\b/g)) {
    const minute = m[2] === "media" ? 30 : m[2] === "cuarto" ? 15 : 0;
    add(m.index, m[0].length, Number(m[1]), minute);
  }
  for (const m of s.matchAll(/\b(?:tipo|como a|a eso de|cerca de) (?:las )?(\d{1,2})\b(?!:|hs| de (?:la|las))/g)) add(m.index, m[0].length, Number(m[1]), 0);
  for (const m of s.matchAll(/\bmediodia\b/g)) add(m.index, m[0].length, 12, 0);
  return found;
}

function dayPartMentions(s: string): Mention<DayPart>[] {
  const parts: [RegExp, DayPart][] = [
    [/\b(?:la manana|esta manana|temprano|primera hora)\b/g, "morning"],
    [/\b(?:la tarde|esta tarde|de tarde|la siesta)\b/g, "afternoon"],
    [/\b(?:la noche|esta noche|de noche)\b/g, "evening"],
  ];
  return parts.flatMap(([pattern, value]) => [...s.matchAll(pattern)].map((m) => ({ at: m.index, value })));
}
