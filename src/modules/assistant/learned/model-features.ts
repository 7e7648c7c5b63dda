import { classifyIntent } from "../understanding/classify-intent";
import { mentionedHazard } from "../understanding/detect-emergency";
import { normalizeText } from "../understanding/normalize-text";
import type { Awaiting } from "../understanding/types";

// Features of one message for the learned intent model. Words, word pairs and character n-grams of the normalized
// text (so "urgenteee", "urjente" and "urgencia" share most of their features), plus a few shape features and the
// question the assistant had just asked (a bare "sí" means one thing after slots were offered and another after
// "¿Es una urgencia?"), and the rules' own reading. Only names: values are all 1 and the vector is L2-normalized at scoring time.
export function modelFeatures(text: string, awaiting?: Awaiting): string[] {
  const normalized = normalizeText(text);
  const tokens = normalized.split(" ").filter(Boolean);
  const features = new Set<string>();
  for (const token of tokens) {
    features.add(`w:${token}`);
    const padded = `_${token}_`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) features.add(`c:${padded.slice(i, i + n)}`);
    }
  }
  const bounded = ["^", ...tokens, "$"];
  for (let i = 0; i + 1 < bounded.length; i++) features.add(`b:${bounded[i]} ${bounded[i + 1]}`);
  features.add(`len:${lengthBucket(tokens.length)}`);
  if (text.includes("?")) features.add("shape:question");
  if (/\d{1,2}(?::\d{2}|hs)\b/.test(normalized)) features.add("shape:time");
  if (/^\s*[1-9]\s*$/.test(normalized)) features.add("shape:digit-only");
  if (text.length > 0 && text === text.toUpperCase() && /[A-ZÁÉÍÓÚÑ]{3}/.test(text)) features.add("shape:caps");
  if (awaiting) {
    features.add(`ctx:${awaiting}`);
    features.add(`ctx:${awaiting}:len:${lengthBucket(tokens.length)}`);
    for (const token of tokens.slice(0, 6)) features.add(`ctx:${awaiting}:w:${token}`);
  }
  // What the hand-written rules read is a feature too: the model learns when to trust each cue (strong for
  // handoff and cancel wordings, weak where the rules overfit) instead of the two being glued by hand.
  {
    const rules = classifyIntent(text, { awaitingSlotChoice: awaiting === "slot_choice" });
    features.add(`rule:${rules.intent}`);
    for (const signal of rules.signals) features.add(`rule:sig:${signal}`);
    const hazard = mentionedHazard(normalized);
    if (hazard) features.add(`rule:hazard:${hazard}`);
  }
  return [...features];
}

function lengthBucket(n: number): string {
  if (n <= 1) return "1";
  if (n <= 3) return "2-3";
  if (n <= 8) return "4-8";
  if (n <= 20) return "9-20";
  return "21+";
}
