import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, type as osType, release } from "node:os";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { runLoad, type RunResult } from "./lib/load";
import { metaPayloads } from "./lib/payloads";
import { freePort } from "./lib/free-port";

// Webhook acknowledgements per second and p50/p99 latency of OUR POST /api/webhooks/whatsapp on both of its hosts —
// `next start` and the lean ingest process (apps/ingest, issue 22) — against a reference node:http handler that only
// checks the signature and writes the same BullMQ job. Same run, same payloads, same concurrency, same throwaway
// Redis (flushed before every measured run), loopback only.
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const WEB = `${ROOT}apps/web`;
const INGEST = `${ROOT}apps/ingest`;
const APP_SECRET = "bench-meta-app-secret";
const PREFIX = "campotech-bench";
const COUNT = Number(process.argv[2] ?? 5_000);
const MAX_SECONDS = 20;
const WARMUP = 500;
const CONCURRENCY = [1, 32];
// Targets alternate within each round and every figure is the median over the rounds, so a burst of unrelated load
// on the machine skews one round of one target, not the comparison.
const ROUNDS = Number(process.argv[3] ?? 3);

const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[], options: { cwd?: string; env?: Record<string, string>; ready: RegExp }): Promise<void> {
  const child = spawn(command, args, { cwd: options.cwd ?? ROOT, ...(options.env ? { env: options.env } : {}), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s`)), 60_000);
    const onData = (chunk: Buffer) => {
      if (options.ready.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

function stopAll(): void {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(child.pid, "SIGTERM");
}

async function main(): Promise<void> {
  if (!existsSync(`${WEB}/.next/BUILD_ID`)) {
    throw new Error("apps/web is not built: run `pnpm --filter @campotech/web build` first");
  }
  const [redisPort, webPort, refPort, ingestPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const loadAtStart = loadavg();
  const redisUrl = `redis://127.0.0.1:${redisPort}/0`;
  await start("redis", "redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { ready: /Ready to accept connections/ });
  // Explicit environment (the rest comes from the repository's .env, which the platform's env module loads).
  await start("next", process.execPath, [`${WEB}/node_modules/next/dist/bin/next`, "start", "-p", String(webPort), "-H", "127.0.0.1"], {
    cwd: WEB,
    env: {
      NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", REDIS_URL: redisUrl, QUEUE_PREFIX: PREFIX,
      META_APP_SECRET: APP_SECRET, PUBLIC_BASE_URL: `http://127.0.0.1:${webPort}`, WEB_PORT: String(webPort),
    },
    ready: /Ready in|started server|Local:/,
  });
  // The lean host: the same endpoint table and domain function as the Next route, plain node:http (as in production:
  // node with tsx as a loader, like apps/workers).
  await start("ingest", process.execPath, ["--import", "tsx", `${INGEST}/src/main.ts`], {
    cwd: INGEST,
    env: {
      NODE_ENV: "production", LOG_LEVEL: "warn", REDIS_URL: redisUrl, QUEUE_PREFIX: PREFIX, META_APP_SECRET: APP_SECRET,
      PUBLIC_BASE_URL: `http://127.0.0.1:${ingestPort}`, INGEST_PORT: String(ingestPort), INGEST_HOST: "127.0.0.1",
    },
    ready: /CampoTech ingest on/,
  });
  await start("reference", process.execPath, ["--import", "tsx", `${ROOT}bench/lib/reference-handler.ts`, String(refPort), redisUrl, PREFIX, APP_SECRET], {
    cwd: `${ROOT}bench`,
    ready: /reference ready/,
  });

  const redis = new Redis(redisUrl);
  const targets: { name: string; url: string; method?: "GET"; okStatus?: number }[] = [
    { name: "CampoTech (next start)", url: `http://127.0.0.1:${webPort}/api/webhooks/whatsapp` },
    { name: "CampoTech lean ingest", url: `http://127.0.0.1:${ingestPort}/api/webhooks/whatsapp` },
    { name: "Reference (node:http)", url: `http://127.0.0.1:${refPort}/` },
    // Context, not a contender: the same Next server answering a route that does no work (GET without the handshake
    // parameters → 403). It shows how much of the gap is the framework's own per-request cost.
    { name: "Next floor (GET → 403)", url: `http://127.0.0.1:${webPort}/api/webhooks/whatsapp`, method: "GET", okStatus: 403 },
  ];
  const payloads = metaPayloads(COUNT, APP_SECRET, "B");
  const warmup = metaPayloads(WARMUP, APP_SECRET, "W");
  const samples: { target: string; concurrency: number; result: RunResult; stored: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const concurrency of CONCURRENCY) {
      for (const target of targets) {
        const how = { concurrency, maxSeconds: MAX_SECONDS, ...(target.method ? { method: target.method } : {}), ...(target.okStatus ? { okStatus: target.okStatus } : {}) };
        await redis.flushdb();
        await runLoad(target.url, warmup, { ...how, count: WARMUP });
        await redis.flushdb();
        const result = await runLoad(target.url, payloads, { ...how, count: COUNT });
        // Every acknowledgement must correspond to a stored job.
        const stored = await redis.llen(`${PREFIX}:webhooks:wait`);
        samples.push({ target: target.name, concurrency, result, stored });
        console.log(`round ${round} ${target.name.padEnd(24)} c=${String(concurrency).padEnd(3)} ${result.ok} ok in ${result.seconds.toFixed(2)} s → ${result.ackPerSec.toFixed(0)}/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, errors ${result.errors}, jobs stored ${stored}`);
      }
    }
  }
  const rows = targets.flatMap((t) => CONCURRENCY.map((c) => median(t.name, c, samples.filter((x) => x.target === t.name && x.concurrency === c))));
  await redis.quit();
  writeResults(rows, { start: loadAtStart, end: loadavg() });
}

type Row = { target: string; concurrency: number; result: RunResult; allStored: boolean };

function median(target: string, concurrency: number, runs: { result: RunResult; stored: number }[]): Row {
  const med = (k: keyof RunResult) => runs.map((r) => r.result[k]).sort((x, y) => x - y)[Math.floor(runs.length / 2)]!;
  return {
    target,
    concurrency,
    allStored: runs.every((r) => r.stored === r.result.ok),
    result: {
      requests: med("requests"), ok: med("ok"), seconds: med("seconds"), ackPerSec: med("ackPerSec"), p50: med("p50"), p99: med("p99"), max: med("max"),
      errors: runs.reduce((sum, r) => sum + r.result.errors, 0),
    },
  };
}

type Load = { start: number[]; end: number[] };

function writeResults(rows: Row[], load: Load): void {
  const f = (n: number, d = 2) => n.toFixed(d);
  const avg = (l: number[]) => l.map((n) => n.toFixed(2)).join(", ");
  const find = (c: number, prefix: string) => rows.find((r) => r.concurrency === c && r.target.startsWith(prefix))?.result;
  const lines = [
    "# Webhook acknowledgements: CampoTech (Next route and lean ingest) vs. reference handler",
    "",
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length} vCPU, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${osType()} ${release()}, Node ${process.version}  `,
    `Load average (1, 5, 15 min) at start: ${avg(load.start)}; at end: ${avg(load.end)}  `,
    `Load: ${COUNT} distinct signed Meta envelopes per run (max ${MAX_SECONDS} s), ${WARMUP} warm-up requests first, keep-alive, loopback.  `,
    `${ROUNDS} rounds, targets alternating; each figure is the median over the rounds (errors: summed over all rounds).  `,
    "Load generator, servers and Redis share the machine. Redis: throwaway redis-server without persistence, flushed before every run.",
    "",
    "| target | concurrency | requests | acks/s (answers/s for the floor) | p50 ms | p99 ms | max ms | errors | every ack stored as a job |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.target} | ${r.concurrency} | ${r.result.requests} | ${f(r.result.ackPerSec, 0)} | ${f(r.result.p50)} | ${f(r.result.p99)} | ${f(r.result.max)} | ${r.result.errors} | ${r.target.startsWith("Next floor") ? "–" : r.allStored ? "yes" : "NO"} |`),
    "",
    "Ratios (issue 22's bar for the lean ingest at 32 connections: acks/s ≥ 0.6× the reference, p99 < 20 ms, nothing lost):",
    "",
    "| concurrency | lean ÷ ref acks/s | lean p50 ÷ ref | lean p99 ÷ ref | lean p99 < 20 ms | Next ÷ ref acks/s | lean ÷ Next acks/s | Next ÷ floor answers/s |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...CONCURRENCY.map((c) => {
      const [next, lean, ref, floor] = [find(c, "CampoTech (next"), find(c, "CampoTech lean"), find(c, "Reference"), find(c, "Next floor")];
      if (!next || !lean || !ref || !floor) return `| ${c} | – | – | – | – | – | – | – |`;
      return `| ${c} | ${f(lean.ackPerSec / ref.ackPerSec)} | ${f(lean.p50 / ref.p50)} | ${f(lean.p99 / ref.p99)} | ${lean.p99 < 20 ? "yes" : "NO"} | ${f(next.ackPerSec / ref.ackPerSec)} | ${f(lean.ackPerSec / next.ackPerSec)} | ${f(next.ackPerSec / floor.ackPerSec)} |`;
    }),
    "",
    "Both CampoTech rows run the same code for the request: the endpoint table and serveWebhook in",
    "src/modules/webhooks (signature over the raw bytes, envelope shape check, durable BullMQ write, ack sample).",
    "The lean ingest (apps/ingest) hosts it on plain node:http; `next start` hosts it as a route handler. The floor row",
    "is the same `next start` answering a route that does no work (GET → 403): the Next host's own per-request cost.",
    "",
    "Reproduce: `pnpm --filter @campotech/web build && pnpm --filter @campotech/bench webhook-ack` (see bench/README.md).",
    "",
  ];
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/webhook-ack.md`, lines.join("\n"));
  console.log(`\n${lines.join("\n")}`);
}

try {
  await main();
} finally {
  stopAll();
}
