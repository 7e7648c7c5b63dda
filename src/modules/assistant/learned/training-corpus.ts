import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EVAL_MESSAGES_PATH } from "../eval/eval-paths";
import { loadEvalCases, type EvalCase } from "../eval/load-eval-cases";
import { normalizeText } from "../understanding/normalize-text";
import type { Awaiting } from "../understanding/types";

// The labelled corpus the model learns from: learned/corpus/*.jsonl (written blind by people who read only
// eval/LABELS.md and the price list) plus the evaluation dev set. The held-out evaluation sets are never read here.
export const CORPUS_DIR = fileURLToPath(new URL("./corpus/", import.meta.url));

export type Split = "train" | "validation" | "test";
export type CorpusCase = EvalCase & { source: string; split: Split; awaiting?: Awaiting };

export function corpusFiles(): string[] {
  const own = readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".jsonl")).sort().map((f) => `${CORPUS_DIR}${f}`);
  return [...own, EVAL_MESSAGES_PATH];
}

// Every case once (same normalized text and context = same case; the first file wins), with its split. The split
// is a hash of the case, not a random draw, so adding a file never moves an old case between splits: `test` (15 %)
// is never used for training or tuning, `validation` (15 %) calibrates the confidence and
// picks the few thresholds (combine-readings.ts).
export function loadCorpus(files = corpusFiles()): { cases: CorpusCase[]; sha256: string } {
  const hash = createHash("sha256");
  const seen = new Set<string>();
  const cases: CorpusCase[] = [];
  for (const file of files) {
    hash.update(readFileSync(file));
    const source = file.split("/").pop() ?? file;
    for (const c of loadEvalCases(file)) {
      const awaiting: Awaiting | undefined = c.context?.awaitingSlotChoice ? "slot_choice" : undefined;
      const key = `${awaiting ?? ""}|${normalizeText(c.text)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      cases.push({ ...c, source, split: splitOf(key), ...(awaiting ? { awaiting } : {}) });
    }
  }
  return { cases, sha256: hash.digest("hex") };
}

export function splitOf(key: string): Split {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  const bucket = h % 100;
  return bucket < 15 ? "test" : bucket < 30 ? "validation" : "train";
}

export function labelOf(c: EvalCase): string {
  return c.emergency ? `emergency:${c.emergencyKind ?? "gas"}` : c.intent;
}
