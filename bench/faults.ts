import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { clean, type Audit } from "./faults/audit";
import { SCENARIOS } from "./faults/scenarios";
import { soak } from "./faults/soak";
import { startStack, type Stack } from "./faults/stack";
import { seedOrganization } from "./faults/traffic";
import { ROOT } from "./lib/bench-processes";

// The fault-injection suite: real web, workers, sandbox, its own Redis (AOF) and its own Postgres cluster; each fault
// injected mid-burst, then an audit from the database and the sandbox's logs. Exits non-zero on any loss, duplicate
// or reordering.
//
//   pnpm --filter @campotech/bench faults            every fault, bigger bursts (size 3)
//   pnpm --filter @campotech/bench faults --short    the CI subset, small bursts (what `npm test` runs)
//   pnpm --filter @campotech/bench faults --soak 30  steady mixed traffic for 30 minutes: RSS per minute, latencies
// Options: --size N (burst scale), --only <text> (scenarios whose name contains it), --next-web (drive webhooks through
// the Next server, apps/web/server.ts; needs `pnpm --filter @campotech/web build` first), --write (results file).
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const short = flag("--short");
const soakMinutes = option("--soak") ? Number(option("--soak")) : 0;
const size = Number(option("--size") ?? (short ? 1 : 3));
const only = option("--only");

const HEADER = [
  "| fault | inbound | stored | lost | stored twice | sends | sent | never sent | sent twice | out of order | turns | answered | unanswered | answered twice | webhooks failed (redelivered) | provider errors | panics | s | verdict |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
];
const row = (name: string, a: Audit, seconds: number) =>
  `| ${name} | ${a.inbound} | ${a.stored} | ${a.inboundLost} | ${a.storedTwice} | ${a.outbound} | ${a.sent} | ${a.neverSent} | ${a.sentTwice} | ${a.outOfOrder} | ${a.turns} | ${a.answered} | ${a.unanswered} | ${a.answeredTwice} | ${a.webhookFailures ?? "–"} | ${a.providerErrors ?? "–"} | ${a.panics ?? "–"} | ${seconds.toFixed(0)} | ${clean(a) ? "PASS" : "FAIL"} |`;

async function main(): Promise<number> {
  const started = Date.now();
  const stack: Stack = await startStack({ nextWeb: flag("--next-web") });
  // Interrupted: stop what we started (processes, the temp Postgres cluster and Redis data) before leaving.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  let ok = true;
  const out: string[] = [];
  try {
    await seedOrganization(stack);
    console.log(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (web: ${flag("--next-web") ? "Next server" : "lean ingest (apps/ingest)"})`);
    if (soakMinutes) {
      const postmaster = () => Number(readFileSync(join(stack.pg.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      const rate = { turnsPerSec: Number(option("--turns") ?? 4), sendsPerSec: Number(option("--sends") ?? 4) };
      console.log(`soak: ${soakMinutes} min, ${rate.turnsPerSec} inbound turns/s + ${rate.sendsPerSec} sends/s (+ their status webhooks)`);
      const result = await soak(stack, soakMinutes, rate, postmaster);
      ok = clean(result.audit);
      out.push(`Soak ${soakMinutes} min, ${rate.turnsPerSec} turns/s + ${rate.sendsPerSec} sends/s:`, "", ...result.lines, "", ...HEADER, row(`soak ${soakMinutes} min`, result.audit, (Date.now() - started) / 1000));
    } else {
      out.push(...HEADER);
      for (const scenario of SCENARIOS.filter((s) => (!short || s.short) && (!only || s.name.includes(only)))) {
        const t0 = Date.now();
        const a = await scenario.run(stack, size);
        const line = row(scenario.name, a, (Date.now() - t0) / 1000);
        console.log(line);
        out.push(line);
        ok &&= clean(a);
      }
    }
  } finally {
    await stack.stop();
  }
  const table = [
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length} vCPU, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node ${process.version}  `,
    `Run: ${soakMinutes ? `soak ${soakMinutes} min` : `${short ? "short" : "full"} form, burst size ${size}`}; total ${((Date.now() - started) / 1000).toFixed(0)} s; verdict ${ok ? "PASS" : "FAIL"}`,
    "",
    ...out,
  ].join("\n");
  console.log(`\n${table}`);
  if (flag("--write")) {
    mkdirSync(`${ROOT}bench/results`, { recursive: true });
    writeFileSync(`${ROOT}bench/results/faults-${soakMinutes ? "soak" : short ? "short" : "full"}.md`, `${table}\n`);
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
