import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { benchEnv, ROOT } from "./lib/bench-processes";
import { formatPlans, type PlanCapture } from "./lib/inbox-plans";
import { inboxShapes, type Shape } from "./lib/inbox-shapes";
import type { Prisma as PrismaTypes, SqlTx } from "@campotech/database";

type Sql = PrismaTypes.Sql;

// The inbox API on one large organization: the domain functions behind GET /api/whatsapp/conversations (default,
// every filter, search by name / phone digits / message words) and GET /api/whatsapp/conversations/{id}/messages
// (first and deep page), each called the way the route calls it (one withTenantSql transaction as the app role, RLS
// on), sequentially, ≥200 times. Reference in the same run: the floor of any request — the same transaction around a
// bare single-table indexed SELECT of one page of conversation ids. EXPLAIN (ANALYZE, BUFFERS) of every query shape.
//
//   pnpm --filter @campotech/bench inbox-api                       # 100,000 conversations, 200 requests per shape
//   pnpm --filter @campotech/bench inbox-api 100000 200 before     # label the run "before" (kept for the table)
//   pnpm --filter @campotech/bench inbox-api 2000 50               # quick smoke on a small organization
//
// Seeding (bench/lib/inbox-seed.sql, generate_series) takes a few minutes once; a later run reuses the database when
// it holds the same organization at the same size.
const [CONVERSATIONS = 100_000, REQUESTS = 200] = process.argv.slice(2, 4).map(Number);
const LABEL = process.argv[4] ?? "after";
// A row stops sampling after this long (its n then says how many requests it got), so one slow shape cannot hold the
// run for an hour: 200 requests of a shape that meets the target take seconds.
const BUDGET_MS = Number(process.argv[5] ?? (LABEL === "before" ? 20_000 : 60_000));
// Resume a run that stopped: skip the first RESUME shapes and keep their results from the last run's JSON.
const RESUME = Number(process.argv[6] ?? 0);
const WARMUPS = LABEL === "before" ? 1 : 3;
const DB = "campotech_bench_inbox";
const ORG = "bench-inbox";
const LONG_THREAD = 3_000;
const SEED_VERSION = `Bench Inbox v2 ${CONVERSATIONS}`;
const RESULTS = `${ROOT}bench/results/inbox-api`;

const env = benchEnv({ db: DB, redisUrl: "redis://127.0.0.1:6379/12", sandboxPort: 5153, extra: { LOG_LEVEL: "error" } });

type Stat = { name: string; n: number; failed: number; p50: number; p95: number; p99: number; rows: number; refP95?: number };
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

function psql(args: string[]): string {
  const r = spawnSync("psql", [env.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-Atq", ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout.trim();
}

async function seedIfNeeded(): Promise<void> {
  const { migrate } = await import("../database/src/migrate");
  const { resetDatabase } = await import("../database/testing/reset");
  const migrated = await migrate({ adminUrl: env.DATABASE_ADMIN_URL!, appUrl: env.DATABASE_URL! });
  const seeded = psql(["-c", `SELECT name FROM "Organization" WHERE id = '${ORG}'`]);
  if (seeded !== SEED_VERSION) {
    console.log(`seeding ${CONVERSATIONS} conversations (~${CONVERSATIONS * 10} messages)…`);
    const started = Date.now();
    await resetDatabase(env.DATABASE_ADMIN_URL!);
    psql(["-v", `org=${ORG}`, "-v", `conversations=${CONVERSATIONS}`, "-v", `long_thread=${LONG_THREAD}`, "-f", `${ROOT}bench/lib/inbox-seed.sql`]);
    psql(["-c", `UPDATE "Organization" SET name = '${SEED_VERSION}' WHERE id = '${ORG}'`]);
    psql(["-c", "VACUUM ANALYZE"]);
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } else if (migrated.applied.length) {
    // New indexes (expression indexes in particular) need statistics before the planner can weigh them.
    psql(["-c", "VACUUM ANALYZE"]);
  }
}

async function main(): Promise<void> {
  await seedIfNeeded();
  const counts = psql(["-c", `SELECT (SELECT count(*) FROM "WhatsAppConversation") || ' conversations, ' || (SELECT count(*) FROM "WhatsAppMessage") || ' messages'`]);
  console.log(`${counts}; load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  // issue 22 (inbox): requests run the way the routes run them, in one plain-SQL tenant transaction (withTenantSql, RLS
  // on); the transaction's SqlTx is wrapped so each shape's statements can be EXPLAINed exactly as issued.
  const { createPrismaClient, Prisma, withTenantSql } = await import("@campotech/database");
  const db = createPrismaClient({ connectionString: env.DATABASE_URL!, poolSize: 4 });
  let captured: Sql[] | null = null;
  const run = <T>(fn: (tx: SqlTx) => Promise<T>) =>
    withTenantSql(db, ORG, (tx) => fn({ query: <R>(sql: Sql) => (captured?.push(sql), tx.query<R>(sql)) }));

  const reference: Shape = { name: "reference: bare indexed SELECT of one page of ids", call: (tx) => tx.query(Prisma.sql`SELECT "id" FROM "WhatsAppConversation" WHERE "organizationId" = ${ORG} ORDER BY "lastMessageAt" DESC LIMIT 26`) };
  const shapes: Shape[] = [reference, ...(await inboxShapes(ORG, run))];

  const previous = RESUME ? (JSON.parse(readFileSync(`${RESULTS}-${LABEL}.json`, "utf8")) as { stats: Stat[]; plans: PlanCapture[] }) : null;
  const stats: Stat[] = previous?.stats.slice(0, RESUME) ?? [];
  const plans: PlanCapture[] = previous?.plans.slice(0, RESUME) ?? [];
  for (const shape of shapes.slice(RESUME)) {
    const times: number[] = [];
    const refTimes: number[] = [];
    let rows = 0;
    let failed = 0;
    const started = performance.now();
    for (let i = -WARMUPS; i < REQUESTS && (i < 1 || performance.now() - started < BUDGET_MS); i++) {
      // The reference runs right before each request, so both see the same load on this shared box.
      const r0 = performance.now();
      await run(reference.call);
      const t0 = performance.now();
      // A request that runs past withTenant's 15 s transaction timeout fails: it counts, with the time it took.
      const result = await run(shape.call).catch(() => null);
      if (i < 0) continue;
      times.push(performance.now() - t0);
      refTimes.push(t0 - r0);
      if (!result) failed++;
      else rows = Array.isArray(result) ? result.length : ((result as { items: unknown[] }).items?.length ?? 0);
    }
    times.sort((a, b) => a - b);
    refTimes.sort((a, b) => a - b);
    const stat = { name: shape.name, n: times.length, failed, p50: pct(times, 0.5), p95: pct(times, 0.95), p99: pct(times, 0.99), rows, refP95: pct(refTimes, 0.95) };
    stats.push(stat);
    console.log(`${shape.name.padEnd(58)} n=${String(stat.n).padStart(3)} p50 ${stat.p50.toFixed(1)} p95 ${stat.p95.toFixed(1)} p99 ${stat.p99.toFixed(1)} ms (${rows} rows${failed ? `, ${failed} timed out` : ""})`);

    captured = [];
    await run(shape.call).catch(() => null);
    const queries = captured;
    captured = null;
    const explained: PlanCapture["queries"] = [];
    for (const q of queries) {
      const explain = (options: string) => run((tx) => tx.query<{ "QUERY PLAN": string }>(Prisma.sql([`EXPLAIN ${options} ${q.strings[0]}`, ...q.strings.slice(1)], ...q.values)));
      const plan = await explain("(ANALYZE, BUFFERS)").then(
        (r) => r.map((l) => l["QUERY PLAN"]).join("\n"),
        // Too slow to run inside the statement timeout: the estimated plan, marked as such.
        () => explain("").then((r) => `(not executed: ANALYZE ran past the 15 s statement timeout)\n${r.map((l) => l["QUERY PLAN"]).join("\n")}`),
      );
      explained.push({ sql: q.text, plan });
    }
    plans.push({ name: shape.name, queries: explained });
    writeFileSync(`${RESULTS}-${LABEL}.json`, JSON.stringify({ label: LABEL, counts, load: loadavg(), stats, plans }, null, 1));
  }
  await db.$disconnect();

  writeFileSync(`${RESULTS}-${LABEL}.json`, JSON.stringify({ label: LABEL, counts, load: loadavg(), stats, plans }, null, 1));
  const other = LABEL === "before" ? null : existsSync(`${RESULTS}-before.json`) ? (JSON.parse(readFileSync(`${RESULTS}-before.json`, "utf8")) as { stats: Stat[]; counts: string; load: number[] }) : null;
  const before = new Map(other?.stats.map((s) => [s.name, s]));
  const lines = [
    "# Inbox API on a large organization",
    "",
    `Run ${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} (the 1-minute figure counts the bench itself).`,
    `Data: ${counts} in one organization. ${REQUESTS} sequential requests per row after ${WARMUPS} warm-ups, each right after one reference request; times are the whole withTenantSql transaction (checkout, BEGIN + set_config, every statement of the domain function, COMMIT).`,
    other ? `"before" = the same bench on the code and schema before the change (${other.counts}; load then ${other.load.map((l) => l.toFixed(2)).join(" ")}), capped at 15 s per row, so slow rows have fewer samples (n).` : "",
    "",
    `| request | n | p50 ms | p95 ms | p99 ms | rows | reference p95 ms (same moments) | p95 / reference${other ? " | before p95 ms (n)" : ""} |`,
    `|---|---|---|---|---|---|---|---${other ? "|---" : ""}|`,
    ...stats.map((s) => {
      const b = before.get(s.name);
      return `| ${s.name} | ${s.n}${s.failed ? ` (${s.failed} timed out)` : ""} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.rows} | ${s.refP95?.toFixed(1) ?? "–"} | ${s.refP95 ? `${(s.p95 / s.refP95).toFixed(1)}×` : "–"}${other ? ` | ${b ? `${b.p95.toFixed(1)} (${b.n}${b.failed ? `, ${b.failed} timed out` : ""})` : "–"}` : ""} |`;
    }),
    "",
    ...formatPlans(plans),
  ];
  writeFileSync(`${RESULTS}${LABEL === "after" ? "" : `-${LABEL}`}.md`, lines.join("\n") + "\n");
  console.log(`wrote ${RESULTS}${LABEL === "after" ? "" : `-${LABEL}`}.md`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
