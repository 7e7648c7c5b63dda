import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { benchEnv as configure, children, ROOT, startRedis } from "./lib/bench-processes";
import { freePort } from "./lib/free-port";

// The technician app's sync, through `next start` with the app's own engine (src/sync-engine, fetch transport) —
// what a phone does — measured in the same run as references:
//   - cold: a fresh phone pulls its 7-day window (50 jobs with quote lines and history) vs. the floor of reading the
//     same rows straight from Postgres with one SQL query per table (no HTTP, no auth, no JSON);
//   - incremental: the office changed 5 of those jobs; the phone asks again;
//   - reconnect: the phone did 30 things offline (10 jobs × en camino, trabajando, terminado) and reconnects: time
//     until the server holds every one, vs. the web's way of doing the same 30 changes one REST call at a time.
//
//   pnpm --filter @campotech/bench technician-sync [jobs=50] [rounds=5]
const [JOBS = 50, ROUNDS = 5] = process.argv.slice(2).map(Number);
const DB = "campotech_bench_sync";
const ORG = "bench-sync";
const TECH = `${ORG}-tech`;
const JWT_SECRET = "bench-sync-jwt-secret-0123456789abcdef0123";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function start(name: string, args: string[], cwd: string, env: Record<string, string>, ready: RegExp): Promise<void> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 90 s`)), 90_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (ready.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  if (!existsSync(`${ROOT}apps/web/.next/BUILD_ID`)) throw new Error("apps/web is not built: run `pnpm --filter @campotech/web build` first");
  const redisServer = await startRedis();
  const webPort = await freePort();
  const env = configure({ db: DB, redisUrl: redisServer.url, sandboxPort: await freePort(), extra: { JWT_SECRET, ROUTING_URL: "", GEOCODER_URL: "", LOG_LEVEL: "error" } });
  const { migrate } = await import("../database/src/migrate");
  const { resetDatabase } = await import("../database/testing/reset");
  const { adminDb } = await import("../src/lib/db");
  const { issueAccessToken } = await import("../src/modules/auth/access-token");
  const { createSyncEngine, createFetchTransport, createMemoryStorage } = await import("../src/sync-engine/index");

  await migrate({ adminUrl: env.DATABASE_ADMIN_URL!, appUrl: env.DATABASE_URL! });
  await resetDatabase(env.DATABASE_ADMIN_URL!);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Bench Sync", cuit: "30712345671", tier: "ENTERPRISE" } });
  await admin.user.createMany({ data: [
    { id: `${ORG}-owner`, organizationId: ORG, phone: "+5491100000001", name: "Dueña", role: "OWNER" },
    { id: TECH, organizationId: ORG, phone: "+5491100000002", name: "Diego Ruiz", role: "TECHNICIAN" },
  ] });
  await admin.customer.create({ data: { id: `${ORG}-c`, organizationId: ORG, phone: "+5491155550000", name: "Ana Cliente", address: "Av. Corrientes 1234" } });
  await admin.priceListItem.createMany({ data: Array.from({ length: 12 }, (_, i) => ({ id: `${ORG}-p${i}`, organizationId: ORG, code: `P${i}`, name: `Servicio ${i}`, serviceType: "PLUMBING" as const, priceCents: 1_000_000 + i * 50_000 })) });
  const dayMs = 86_400_000;
  const now = Date.now();
  for (let n = 0; n < JOBS; n++) {
    const startAt = new Date(now + ((n % 15) - 7) * dayMs + (n % 8) * 3_600_000);
    await admin.job.create({
      data: {
        id: `${ORG}-j${n}`, organizationId: ORG, number: n + 1, customerId: `${ORG}-c`, address: `Calle ${n} 100, CABA`, serviceType: "PLUMBING",
        description: `Pérdida en el baño, caño de 1/2" (visita ${n})`, status: "scheduled", technicianId: TECH,
        scheduledStart: startAt, scheduledEnd: new Date(startAt.getTime() + 2 * 3_600_000),
        transitions: { create: [{ organizationId: ORG, to: "pending", actorType: "SYSTEM" }, { organizationId: ORG, from: "pending", to: "scheduled", actorType: "SYSTEM" }] },
        lineItems: { create: [0, 1, 2].map((k) => ({ organizationId: ORG, description: `Ítem ${k}`, quantityMilli: 1000 + k * 500, unitPriceCents: 1_500_000 + k * 10_000, ivaRateBps: 2100, position: k })) },
      },
    });
  }
  console.log(`${JOBS} jobs in the technician's window, ${ROUNDS} rounds`);

  const webEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", WEB_PORT: String(webPort), PUBLIC_BASE_URL: `http://127.0.0.1:${webPort}` } as Record<string, string>; // eslint-disable-line no-restricted-properties -- the server inherits the bench env
  await start("web", [`${ROOT}apps/web/node_modules/next/dist/bin/next`, "start", "-p", String(webPort), "-H", "127.0.0.1"], `${ROOT}apps/web`, webEnv, /Ready in|started server|Local:/);
  const base = `http://127.0.0.1:${webPort}`;
  const techToken = issueAccessToken({ id: TECH, organizationId: ORG, role: "TECHNICIAN" }, { ttlSeconds: 3_600, secret: JWT_SECRET }).token;
  const ownerToken = issueAccessToken({ id: `${ORG}-owner`, organizationId: ORG, role: "OWNER" }, { ttlSeconds: 3_600, secret: JWT_SECRET }).token;
  const phone = (online: () => boolean = () => true) => createSyncEngine({
    storage: createMemoryStorage(),
    transport: createFetchTransport({
      baseUrl: base,
      getToken: async () => techToken,
      fetch: (input, init) => (online() ? fetch(input, init) : Promise.reject(new TypeError("fetch failed: offline"))),
    }),
    autoRetry: false,
  });
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };

  // Warm-up: Next compiles the routes on first use, sessions and caches fill.
  const warm = phone();
  await warm.sync();
  if (warm.jobs().length !== JOBS) throw new Error(`the phone sees ${warm.jobs().length} jobs, expected ${JOBS}`);

  const cold: number[] = [];
  const floor: number[] = [];
  const incremental: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    floor.push(await time(async () => {
      await admin.$queryRawUnsafe(`SELECT * FROM "Job" WHERE "organizationId" = $1 AND "technicianId" = $2`, ORG, TECH);
      await admin.$queryRawUnsafe(`SELECT * FROM "JobLineItem" WHERE "organizationId" = $1`, ORG);
      await admin.$queryRawUnsafe(`SELECT * FROM "JobTransition" WHERE "organizationId" = $1`, ORG);
      await admin.$queryRawUnsafe(`SELECT * FROM "Customer" WHERE "organizationId" = $1`, ORG);
    }));
    const fresh = phone();
    cold.push(await time(() => fresh.sync()));
    // The office edits 5 jobs; the same phone asks again.
    for (let k = 0; k < 5; k++) await admin.job.update({ where: { id: `${ORG}-j${(round * 5 + k) % JOBS}` }, data: { description: `Cambio de la oficina ${round}-${k}` } });
    incremental.push(await time(() => fresh.sync()));
    const changed = fresh.jobs().filter((j) => j.description.startsWith(`Cambio de la oficina ${round}-`)).length;
    if (changed !== 5) throw new Error(`incremental sync saw ${changed} of 5 changes`);
  }

  // Reconnect: 10 jobs × 3 transitions done offline, then the network comes back.
  let online = true;
  const field = phone(() => online);
  await field.sync();
  online = false;
  const offlineJobs = Array.from({ length: 10 }, (_, k) => `${ORG}-j${k}`);
  for (const jobId of offlineJobs) for (const to of ["en_camino", "working", "completed"] as const) await field.enqueue({ type: "transition", jobId, to });
  const report = await field.sync().catch(() => null);
  if (report?.ok) throw new Error("the offline phone reached the server");
  online = true;
  let rounds = 0;
  const reconnectMs = await time(async () => {
    while (field.pending().length) {
      rounds++;
      await field.sync();
    }
  });
  const completed = await admin.job.count({ where: { id: { in: offlineJobs }, status: "completed" } });
  if (completed !== offlineJobs.length) throw new Error(`only ${completed} of ${offlineJobs.length} jobs completed after reconnect`);

  // Reference: the same 30 changes as the web makes them, one REST call each, on 10 other jobs.
  const webJobs = Array.from({ length: 10 }, (_, k) => `${ORG}-j${k + 10}`);
  const restMs = await time(async () => {
    for (const jobId of webJobs) {
      for (const to of ["en_camino", "working", "completed"]) {
        const res = await fetch(`${base}/api/jobs/${jobId}/transition`, { method: "POST", headers: { authorization: `Bearer ${ownerToken}`, "content-type": "application/json" }, body: JSON.stringify({ to }) });
        if (!res.ok) throw new Error(`REST transition ${jobId} → ${to}: ${res.status} ${await res.text()}`);
      }
    }
  });

  const f = (n: number, d = 1) => n.toFixed(d);
  const table = [
    "# technician-sync",
    "",
    `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"} · ${Math.round(totalmem() / 2 ** 30)} GiB · Linux ${release()} · Node ${process.version}`,
    "",
    `One technician, ${JOBS} jobs in the ±7-day window (3 quote lines and 2 transitions each). The phone is the app's sync engine (memory storage, fetch transport) against \`next start\`; medians over ${ROUNDS} rounds; everything on one machine, loopback.`,
    "",
    "| measure | CampoTech | reference | ratio |",
    "|---|---:|---:|---:|",
    `| cold sync of the window (fresh phone) | ${f(median(cold))} ms | ${f(median(floor))} ms (same rows straight from Postgres: 4 queries on a warm pool) | ${f(median(cold) / median(floor), 1)} |`,
    `| incremental sync (office changed 5 jobs) | ${f(median(incremental))} ms | ${f(median(cold))} ms (a cold sync) | ${f(median(incremental) / median(cold), 2)} |`,
    `| reconnect → server holds 30 offline changes (10 jobs × 3 transitions) | ${f(reconnectMs)} ms | ${f(restMs)} ms (the web's 30 REST calls, one at a time) | ${f(reconnectMs / restMs, 2)} |`,
    "",
    `Seed target for reconnect → synced: < 30 s. Verified after the run: ${completed} of ${offlineJobs.length} offline jobs completed on the server, in ${rounds} sync call(s).`,
    "",
  ].join("\n");
  console.log(`\n${table}`);
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/technician-sync.md`, table);
  await admin.$disconnect();
  for (const child of children) child.kill("SIGTERM");
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
});
