import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

function start(name: string, command: string, args: string[], options: { cwd?: string; env?: Record<string, string>; ready: RegExp }): Promise<number> {
  const child = spawn(command, args, { cwd: options.cwd ?? ROOT, ...(options.env ? { env: options.env } : {}), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s`)), 60_000);
    const onData = (chunk: Buffer) => {
      if (options.ready.test(chunk.toString())) {
        clearTimeout(timer);
        resolve(child.pid!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

// CPU time (user + system, ms) of a process and its descendants, from /proc: on a shared machine the acks/s of a run
// move with whatever else runs, while the server's CPU per acknowledgement barely does — the steadier comparison.
function treeCpuMs(root: number): number {
  const stats = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return [{ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
    } catch {
      return [];
    }
  });
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of stats) if (!inTree.has(p.pid) && inTree.has(p.ppid)) grew = Boolean(inTree.add(p.pid));
  }
  return stats.filter((p) => inTree.has(p.pid)).reduce((sum, p) => sum + p.ticks * 10, 0);
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
  const webPid = await start("next", process.execPath, [`${WEB}/node_modules/next/dist/bin/next`, "start", "-p", String(webPort), "-H", "127.0.0.1"], {
    cwd: WEB,
    env: {
      NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", REDIS_URL: redisUrl, QUEUE_PREFIX: PREFIX,
      META_APP_SECRET: APP_SECRET, PUBLIC_BASE_URL: `http://127.0.0.1:${webPort}`, WEB_PORT: String(webPort),
    },
    ready: /Ready in|started server|Local:/,
  });
  // The lean host: the same endpoint table and domain function as the Next route, plain node:http (as in production:
  // node with tsx as a loader, like apps/workers).
  const ingestPid = await start("ingest", process.execPath, ["--import", "tsx", `${INGEST}/src/main.ts`], {
    cwd: INGEST,
    env: {
      NODE_ENV: "production", LOG_LEVEL: "warn", REDIS_URL: redisUrl, QUEUE_PREFIX: PREFIX, META_APP_SECRET: APP_SECRET,
      PUBLIC_BASE_URL: `http://127.0.0.1:${ingestPort}`, INGEST_PORT: String(ingestPort), INGEST_HOST: "127.0.0.1",
    },
    ready: /CampoTech ingest on/,
  });
  const refPid = await start("reference", process.execPath, ["--import", "tsx", `${ROOT}bench/lib/reference-handler.ts`, String(refPort), redisUrl, PREFIX, APP_SECRET], {
    cwd: `${ROOT}bench`,
    ready: /reference ready/,
  });

  const redis = new Redis(redisUrl);
  const targets: { name: string; url: string; pid: number; method?: "GET"; okStatus?: number }[] = [
    { name: "CampoTech (next start)", url: `http://127.0.0.1:${webPort}/api/webhooks/whatsapp`, pid: webPid },
    { name: "CampoTech lean ingest", url: `http://127.0.0.1:${ingestPort}/api/webhooks/whatsapp`, pid: ingestPid },
    { name: "Reference (node:http)", url: `http://127.0.0.1:${refPort}/`, pid: refPid },
    // Context, not a contender: the same Next server answering a route that does no work (GET without the handshake
    // parameters → 403). It shows how much of the gap is the framework's own per-request cost.
    { name: "Next floor (GET → 403)", url: `http://127.0.0.1:${webPort}/api/webhooks/whatsapp`, pid: webPid, method: "GET", okStatus: 403 },
  ];
  const payloads = metaPayloads(COUNT, APP_SECRET, "B");
  const warmup = metaPayloads(WARMUP, APP_SECRET, "W");
  const samples: { target: string; concurrency: number; result: RunResult; stored: number; cpuUsPerAck: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const concurrency of CONCURRENCY) {
      for (const target of targets) {
        const how = { concurrency, maxSeconds: MAX_SECONDS, ...(target.method ? { method: target.method } : {}), ...(target.okStatus ? { okStatus: target.okStatus } : {}) };
        await redis.flushdb();
        await runLoad(target.url, warmup, { ...how, count: WARMUP });
        await redis.flushdb();
        const cpuBefore = treeCpuMs(target.pid);
        const result = await runLoad(target.url, payloads, { ...how, count: COUNT });
        const cpuUsPerAck = ((treeCpuMs(target.pid) - cpuBefore) * 1000) / Math.max(1, result.ok);
        // Every acknowledgement must correspond to a stored job.
        const stored = await redis.llen(`${PREFIX}:webhooks:wait`);
        samples.push({ target: target.name, concurrency, result, stored, cpuUsPerAck });
        console.log(`round ${round} ${target.name.padEnd(24)} c=${String(concurrency).padEnd(3)} ${result.ok} ok in ${result.seconds.toFixed(2)} s → ${result.ackPerSec.toFixed(0)}/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, errors ${result.errors}, jobs stored ${stored}, server CPU ${cpuUsPerAck.toFixed(0)} µs/answer`);
      }
    }
  }
  const rows = targets.flatMap((t) => CONCURRENCY.map((c) => median(t.name, c, samples.filter((x) => x.target === t.name && x.concurrency === c))));
  await redis.quit();
  writeResults(rows, { start: loadAtStart, end: loadavg() });
}

type Row = { target: string; concurrency: number; result: RunResult; allStored: boolean; cpuUsPerAck: number };

function median(target: string, concurrency: number, runs: { result: RunResult; stored: number; cpuUsPerAck: number }[]): Row {
  const mid = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const med = (k: keyof RunResult) => mid(runs.map((r) => r.result[k]));
  return {
    target,
    concurrency,
    cpuUsPerAck: mid(runs.map((r) => r.cpuUsPerAck)),
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
    "| target | concurrency | requests | acks/s (answers/s for the floor) | p50 ms | p99 ms | max ms | errors | every ack stored as a job | server CPU µs per answer |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.target} | ${r.concurrency} | ${r.result.requests} | ${f(r.result.ackPerSec, 0)} | ${f(r.result.p50)} | ${f(r.result.p99)} | ${f(r.result.max)} | ${r.result.errors} | ${r.target.startsWith("Next floor") ? "–" : r.allStored ? "yes" : "NO"} | ${f(r.cpuUsPerAck, 0)} |`),
    "",
    "Ratios (issue 22's bar for the lean ingest at 32 connections: acks/s ≥ 0.6× the reference, p99 < 20 ms, nothing lost):",
    "",
    "| concurrency | lean ÷ ref acks/s | lean p50 ÷ ref | lean p99 ÷ ref | lean p99 < 20 ms | ref ÷ lean CPU per ack | Next ÷ ref acks/s | lean ÷ Next acks/s | Next ÷ floor answers/s |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...CONCURRENCY.map((c) => {
      const [next, lean, ref, floor] = [find(c, "CampoTech (next"), find(c, "CampoTech lean"), find(c, "Reference"), find(c, "Next floor")];
      const cpu = (prefix: string) => rows.find((r) => r.concurrency === c && r.target.startsWith(prefix))?.cpuUsPerAck ?? NaN;
      if (!next || !lean || !ref || !floor) return `| ${c} | – | – | – | – | – | – | – | – |`;
      return `| ${c} | ${f(lean.ackPerSec / ref.ackPerSec)} | ${f(lean.p50 / ref.p50)} | ${f(lean.p99 / ref.p99)} | ${lean.p99 < 20 ? "yes" : "NO"} | ${f(cpu("Reference") / cpu("CampoTech lean"))} | ${f(next.ackPerSec / ref.ackPerSec)} | ${f(lean.ackPerSec / next.ackPerSec)} | ${f(next.ackPerSec / floor.ackPerSec)} |`;
    }),
    "",
    "Both CampoTech rows run the same code for the request: the endpoint table and serveWebhook in",
    "src/modules/webhooks (signature over the raw bytes, envelope shape check, durable BullMQ write, ack sample).",
    "The lean ingest (apps/ingest) hosts it on plain node:http; `next start` hosts it as a route handler. The floor row",
    "is the same `next start` answering a route that does no work (GET → 403): the Next host's own per-request cost.",
    "Server CPU per answer is the server process tree's user + system time over the run (/proc) divided by its 200s:",
    "on a shared machine it moves far less than acks/s, so \"ref ÷ lean CPU per ack\" is the steadier efficiency ratio.",
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
