import { normalizeText } from "./normalize-text";
import { stemWord } from "./stem-word";
import type { PriceListEntry, ServiceMatch } from "./types";

const STOPWORDS = new Set(["de", "del", "la", "el", "los", "las", "y", "o", "en", "a", "al", "para", "por", "un", "una", "con"]);

// What a service does, read from the first word of its name ("Instalación de…", "Cambio de…"), and the verbs
// customers use for it. "limpieza de split" and "instalar un split" name the same equipment; the action decides.
const ACTIONS: [string, RegExp][] = [
  ["install", /\b(?:instal\w*|coloc\w*|pone\w*|poner|ponga\w*|armar)\b/],
  ["maintain", /\b(?:service|servis|limpiez\w*|limpi\w*|mantenimiento|carga)\b/],
  ["replace", /\b(?:cambi\w*|reemplaz\w*|cambio)\b/],
  ["unclog", /\b(?:destap\w*)\b/],
  ["repair", /\b(?:arregl\w*|repar\w*|deteccion)\b/],
  ["inspect", /\b(?:revis\w*|diagnostic\w*|prueba|verificar|controlar)\b/],
];
const PLAUSIBLE = 0.5;
// How customers say things the price list names differently. Added to the text before matching, never replacing it.
const SYNONYMS: [RegExp, string][] = [
  [/\b(?:ir|venir|pasar|vengan|venga|pasen|pase) a (?:ver|mirar|revisar)\b/, "visita"],
  [/\bmonocomando\b/, "griferia"],
  [/\baire acondicionado\b|\bequipo de aire\b/, "aire"],
];

type Indexed = {
  item: PriceListEntry;
  phrases: { text: string; weight: number }[];
  keywordStems: Set<string>;
  nameStems: Set<string>;
  // All name words, action words included: how widely a stem is shared counts "Destapación" in a name too.
  allNameStems: Set<string>;
  actions: Set<string>;
};

const contentWords = (text: string) => normalizeText(text).split(" ").filter((w) => w && !STOPWORDS.has(w));
const actionsOf = (text: string) => new Set(ACTIONS.filter(([, pattern]) => pattern.test(text)).map(([action]) => action));

// Ranks price-list items for a message, best first; empty when nothing is plausible. A keyword phrase found in the
// text weighs its number of content words; single keywords and name words match by stem ("destaparlo" → destapar),
// weighted down when several items share them (so "aire" alone does not decide between installing and servicing a
// split); matching the item's action adds a bonus. GENERAL items (the diagnosis visit) count half when a specific
// service also fits and the customer did not name them ("revisar" is in almost every request; "una visita" names
// it). Equal scores go to the service mentioned first.
export function matchService(text: string, items: readonly PriceListEntry[]): ServiceMatch[] {
  const plain = normalizeText(text);
  const s = [plain, ...SYNONYMS.filter(([pattern]) => pattern.test(plain)).map(([, word]) => word)].join(" ");
  const tokens = s.split(" ").filter(Boolean);
  // Where each stem first appears, so that equal scores go to the service the customer named first.
  const firstToken = new Map<string, number>();
  tokens.forEach((token, i) => firstToken.set(stemWord(token), firstToken.get(stemWord(token)) ?? i));
  const textActions = actionsOf(s);

  const indexed: Indexed[] = items.map((item) => {
    const keywords = item.keywords.map((k) => ({ text: normalizeText(k), words: contentWords(k) }));
    const name = contentWords(item.name);
    return {
      item,
      phrases: keywords.filter((k) => k.words.length > 1).map((k) => ({ text: k.text, weight: k.words.length })),
      keywordStems: new Set(keywords.filter((k) => k.words.length === 1).map((k) => stemWord(k.words[0]!))),
      allNameStems: new Set(name.map(stemWord)),
      // The name's action word ("Cambio", "Instalación") is scored by the action bonus, not as content.
      nameStems: new Set(name.filter((w) => actionsOf(w).size === 0).map(stemWord)),
      actions: actionsOf(normalizeText(item.name).split(" ")[0] ?? ""),
    };
  });
  const sharedBy = new Map<string, number>();
  for (const entry of indexed) {
    for (const stem of new Set([...entry.keywordStems, ...entry.allNameStems])) sharedBy.set(stem, (sharedBy.get(stem) ?? 0) + 1);
  }

  const scored = indexed.map((entry) => {
    let score = 0;
    let first = Infinity;
    let named = false; // the customer used a word of the item's own name ("una visita"), not just a related verb
    const hit = (at: number) => (first = Math.min(first, at));
    for (const phrase of entry.phrases) {
      const at = ` ${s} `.indexOf(` ${phrase.text} `);
      if (at >= 0) {
        score += phrase.weight;
        hit(s.slice(0, at).split(" ").length - 1);
      }
    }
    for (const stem of entry.keywordStems) {
      if (!firstToken.has(stem)) continue;
      score += 1 / sharedBy.get(stem)!;
      hit(firstToken.get(stem)!);
      if (entry.allNameStems.has(stem)) named = true;
    }
    for (const stem of entry.nameStems) {
      if (entry.keywordStems.has(stem) || !firstToken.has(stem)) continue;
      score += 0.5 / sharedBy.get(stem)!;
      hit(firstToken.get(stem)!);
      named = true;
    }
    if (score > 0 && [...entry.actions].some((a) => textActions.has(a))) score += 0.75;
    return { code: entry.item.code, score, first, named, general: entry.item.serviceType === "GENERAL" };
  });
  const specificFits = scored.some((m) => !m.general && m.score >= 1);
  return scored
    .map((m) => ({ ...m, score: Math.round((m.general && !m.named && specificFits ? m.score / 2 : m.score) * 100) / 100 }))
    .filter((m) => m.score >= PLAUSIBLE)
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ code, score }) => ({ code, score }));
}
