// WhatsApp shorthand → full words, applied to whole tokens after accents are stripped (so "mñn" arrives as "mnn").
const ABBREVIATIONS: Record<string, string> = {
  q: "que",
  k: "que",
  ke: "que",
  xq: "porque",
  pq: "porque",
  porq: "porque",
  mnn: "manana",
  mna: "manana",
  mnna: "manana",
  x: "por",
  xa: "para",
  porfa: "por favor",
  porfis: "por favor",
  xfa: "por favor",
  xfavor: "por favor",
  plis: "por favor",
  pls: "por favor",
  tmb: "tambien",
  tb: "tambien",
  tbm: "tambien",
  tmbn: "tambien",
  bn: "bien",
  d: "de",
  dsp: "despues",
  dps: "despues",
  hrs: "hs",
  hr: "hs",
  cdo: "cuando",
  qdo: "cuando",
  dnd: "donde",
  msj: "mensaje",
  tel: "telefono",
  grax: "gracias",
  grs: "gracias",
  grcs: "gracias",
  okey: "ok",
  oki: "ok",
  okis: "ok",
  oka: "ok",
  okk: "ok",
  bnas: "buenas",
  bnos: "buenos",
  finde: "fin de semana",
};

// Emoji that carry meaning on WhatsApp: a thumbs-up alone is a "gracias / de acuerdo" and an angry face is a
// complaint, so they become words the classifier can read. Every other emoji and symbol is dropped.
const EMOJI_WORDS: [RegExp, string][] = [
  [/[👍👌✅🤝💪]/gu, " ok "],
  [/[🙏🙌]/gu, " gracias "],
  [/[😡😠🤬]/gu, " enojado "],
];

// Lowercase, no accents (ñ → n), letters repeated 3+ times collapsed ("holaaa" → "hola"), WhatsApp abbreviations
// expanded, punctuation turned into spaces. Digits and times survive: "10:30", "15/12", "10hs", "10 hs".
export function normalizeText(text: string): string {
  let s = text;
  for (const [pattern, word] of EMOJI_WORDS) s = s.replace(pattern, word);
  s = s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  // Times and dates keep their separators; every other punctuation mark becomes a space.
  s = s.replace(/(\d)[:.](\d{2})(?!\d)/g, "$1:$2");
  s = s.replace(/[^\p{L}\p{N}:/\s]/gu, " ").replace(/(?<!\d):|:(?!\d)|(?<!\d)\/|\/(?!\d)/g, " ");
  s = s.replace(/(\p{L})\1{2,}/gu, "$1");
  const tokens = s.split(/\s+/).filter(Boolean).map((token) => ABBREVIATIONS[token] ?? collapseTrailingDouble(token));
  return tokens.join(" ").replace(/\b(\d{1,2}) ?(?:h|hs)\b/g, "$1hs");
}

// "holaa", "diaa", "graciass" → single letter. Only vowels a/i/o/u and s at a word's end: Spanish words ending in
// "ee" (cree, lee) are real, doubled a/i/o/u/s at the end are not.
function collapseTrailingDouble(token: string): string {
  return token.length > 3 ? token.replace(/([aious])\1$/, "$1") : token;
}
