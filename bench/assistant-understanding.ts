// Understanding one message in-process: the rules alone (reference) against the combined engine (rules + learned
// model) on the same messages in the same run. Reports per-message latency percentiles and the ratio.
//   pnpm --filter @campotech/bench assistant-understanding
import { writeFileSync } from "node:fs";
import { EVAL_DEFAULT_NOW, EVAL_MESSAGES_PATH, EVAL_PRICE_LIST, loadEvalCases } from "@campotech/core/modules/assistant/eval";
import { understandMessage, type UnderstandingEngine } from "@campotech/core/modules/assistant/understanding";

const cases = loadEvalCases(EVAL_MESSAGES_PATH);
const ROUNDS = Number(process.argv[2] ?? 5);

function run(engine: UnderstandingEngine): number[] {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const started = performance.now();
      understandMessage(c.text, { now: EVAL_DEFAULT_NOW, priceList: EVAL_PRICE_LIST, engine });
      times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b);
}

const pick = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
run("combined"); // warm-up: JIT and the model's JSON parse
const rows = (["rules", "combined", "rules", "combined"] as const).map((engine) => ({ engine, times: run(engine) }));
const summary = (engine: UnderstandingEngine) => {
  const all = rows.filter((r) => r.engine === engine).flatMap((r) => r.times).sort((a, b) => a - b);
  return { p50: pick(all, 0.5), p95: pick(all, 0.95), p99: pick(all, 0.99), mean: all.reduce((a, b) => a + b, 0) / all.length };
};
const rules = summary("rules");
const combined = summary("combined");
const ms = (x: number) => `${x.toFixed(3)} ms`;
const report = [
  "# Assistant understanding, per message (in-process)",
  "",
  `${cases.length} dev-set messages × ${ROUNDS} rounds × 2 alternating passes per engine, after a warm-up pass. Node ${process.version}.`,
  "",
  "| engine | p50 | p95 | p99 | mean |",
  "|---|---|---|---|---|",
  `| rules (reference) | ${ms(rules.p50)} | ${ms(rules.p95)} | ${ms(rules.p99)} | ${ms(rules.mean)} |`,
  `| combined (rules + learned model) | ${ms(combined.p50)} | ${ms(combined.p95)} | ${ms(combined.p99)} | ${ms(combined.mean)} |`,
  "",
  `Ratio combined / rules: p50 ${(combined.p50 / rules.p50).toFixed(2)}×, p95 ${(combined.p95 / rules.p95).toFixed(2)}×, mean ${(combined.mean / rules.mean).toFixed(2)}×.`,
  "",
].join("\n");
console.log(report);
writeFileSync(new URL("./results/assistant-understanding.md", import.meta.url), report);
