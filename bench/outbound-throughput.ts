import { mkdirSync, writeFileSync } from "node:fs";
import type { Queue } from "bullmq";
import { cpus, release, totalmem } from "node:os";
import { benchEnv as configure, children, ROOT, spawnWorkers, startRedis, stopChild } from "./lib/bench-processes";
import { freePort } from "./lib/free-port";

// Sustained WhatsApp sends per second across many organizations, through the whole outbound engine
// (sendMessage → BullMQ → worker processes → rate limits → provider HTTP → provider id stored), into the local
// sandbox; side by side with a REFERENCE that calls the same provider client directly at the same concurrency
// (no database, no queue, no limits). Then audits the run: no organization exceeded its limit in any sliding
// window and no message reached the provider twice.
//
//   pnpm --filter @campotech/bench outbound-throughput [organizations=1000] [messagesPerOrg=12] [workers=2] [database=campotech_bench]
const [ORGS = 1000, PER_ORG = 12, WORKERS = 2] = process.argv.slice(2, 5).map(Number);
const LIMIT = 10; // per organization per window: PER_ORG > LIMIT forces a second window for every organization
const WINDOW_MS = 60_000;
const CONCURRENCY = 32; // per worker process
// issue 22 (outbound): a fourth argument picks another database, so several checkouts can run the bench side by side.
const DB = process.argv[5] ?? "campotech_bench";

async function main(): Promise<void> {
  const redis = await startRedis();
  const sandboxPort = await freePort();
  // The bench configures the processes it starts (and itself, before importing the platform's modules).
  const benchEnv = configure({ db: DB, redisUrl: redis.url, sandboxPort });
  const { startSandbox } = await import("../apps/sandbox/src/index");
  const { migrate } = await import("../database/src/migrate");
  const { resetDatabase } = await import("../database/testing/reset");
  const { adminDb } = await import("../src/lib/db");
  const { encryptJson } = await import("../src/lib/crypto");
  const { sendMessage } = await import("../src/modules/messaging/send-message");
  const { createWhatsAppProvider } = await import("../src/integrations/whatsapp");
  const { closeQueues, getQueue } = await import("../src/workers/queue-registry");
  const { QUEUES } = await import("../src/workers/queues");
  const { closeSharedRedis } = await import("../src/lib/redis");

  // Statuses effectively off (an hour away) and no webhook retries: the bench measures sending.
  const sandbox = await startSandbox({
    port: sandboxPort,
    host: "127.0.0.1",
    config: { statusDelaysMs: { sent: 3_600_000, delivered: null, read: null }, webhookRetry: { baseMs: 1000, maxAttempts: 1 } },
  });
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.url}${path}`, { method, ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}) });
    return res.json();
  };

  console.log(`setting up ${ORGS} organizations × ${PER_ORG} messages (limit ${LIMIT} per ${WINDOW_MS / 1000} s each)…`);
  await migrate({ adminUrl: benchEnv.DATABASE_ADMIN_URL!, appUrl: benchEnv.DATABASE_URL! });
  await resetDatabase(benchEnv.DATABASE_ADMIN_URL!);
  const admin = adminDb();
  const orgs = Array.from({ length: ORGS }, (_, i) => ({ id: `bench-org-${i}`, phoneNumberId: String(300000000000000 + i), token: `bench-token-${i}` }));
  const windowExpiresAt = new Date(Date.now() + 20 * 3600_000);
  const cuit = (i: number) => `30${String(10000000 + i).padStart(8, "0")}`; // unique, not validated here (admin insert)
  await admin.organization.createMany({
    data: orgs.map((o, i) => ({ id: o.id, name: `Bench ${i}`, cuit: cuit(i), tier: "ENTERPRISE" as const, settings: { messaging: { rateLimit: LIMIT, rateWindowMs: WINDOW_MS } } })),
  });
  await admin.whatsAppBusinessAccount.createMany({
    data: orgs.map((o) => ({
      id: `${o.id}-wa`, organizationId: o.id, bspProvider: "META_DIRECT" as const, phoneNumberId: o.phoneNumberId, displayPhoneNumber: "541152630000",
      credentialsEncrypted: encryptJson({ accessToken: o.token }), credentialsKeyId: "bench", provisioningStatus: "ACTIVE" as const,
    })),
  });
  await admin.customer.createMany({
    data: orgs.map((o, i) => ({ id: `${o.id}-c`, organizationId: o.id, phone: `+549115${String(i).padStart(7, "0")}`, waId: `549115${String(i).padStart(7, "0")}`, name: "Cliente" })),
  });
  await admin.whatsAppConversation.createMany({
    data: orgs.map((o) => ({ id: `${o.id}-conv`, organizationId: o.id, customerId: `${o.id}-c`, accountId: `${o.id}-wa`, windowExpiresAt })),
  });
  for (let i = 0; i < orgs.length; i += 50) {
    await Promise.all(orgs.slice(i, i + 50).map((o) =>
      control("POST", "/_sandbox/numbers", { provider: "META_DIRECT", phoneNumberId: o.phoneNumberId, displayPhoneNumber: "541152630000", accessToken: o.token })));
  }

  // Reference: the same provider client, straight at the sandbox, same total concurrency, one message per org.
  const referenceSends = Math.min(ORGS * 2, 4000);
  const refStart = performance.now();
  let refNext = 0;
  await Promise.all(Array.from({ length: CONCURRENCY * WORKERS }, async () => {
    while (refNext < referenceSends) {
      const o = orgs[refNext++ % ORGS]!;
      const provider = createWhatsAppProvider({ bspProvider: "META_DIRECT", phoneNumberId: o.phoneNumberId, displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: o.token }) });
      const result = await provider.send({ to: "5491150000000", content: { type: "text", body: "referencia" } });
      if (!result.ok) throw new Error(`reference send failed: ${result.error.code}`);
    }
  }));
  const refSeconds = (performance.now() - refStart) / 1000;
  await control("DELETE", "/_sandbox/requests");

  // Enqueue through the real entry point, into a paused queue: the workers' start-up sweeps (every scheduled
  // maintenance job runs once at start, over all the organizations) finish before the deliveries are let go, so the
  // engine is measured in its steady state, not while a thousand-organization sweep competes for the same two cores.
  const outbound = getQueue("outbound");
  await outbound.pause();
  const total = ORGS * PER_ORG;
  const enqStart = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < total) {
      const i = next++;
      const o = orgs[i % ORGS]!;
      await sendMessage({ organizationId: o.id, conversationId: `${o.id}-conv`, content: { type: "text", body: `Mensaje ${i}` } });
    }
  }));
  const enqSeconds = (performance.now() - enqStart) / 1000;
  console.log(`enqueued ${total} in ${enqSeconds.toFixed(1)} s`);

  for (let w = 0; w < WORKERS; w++) {
    await spawnWorkers({ WORKER_CONCURRENCY: String(CONCURRENCY) });
  }
  const sweepSeconds = await startUpSweepsDone(Object.values(QUEUES).filter((q) => q !== "outbound").map((q) => getQueue(q)));
  console.log(`workers' start-up sweeps done in ${sweepSeconds.toFixed(1)} s; releasing the deliveries`);
  const workersStart = Date.now();
  await outbound.resume();
  let sent = 0;
  let firstWindowDoneAt = 0;
  const firstWindow = ORGS * Math.min(PER_ORG, LIMIT);
  const deadline = Date.now() + 15 * 60_000;
  while (sent < total && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    sent = await admin.outboundDelivery.count({ where: { acceptedAt: { not: null } } });
    if (!firstWindowDoneAt && sent >= firstWindow) firstWindowDoneAt = Date.now();
    process.stdout.write(`\rsent ${sent}/${total}`);
  }
  console.log();
  const rows = await admin.outboundDelivery.findMany({ select: { organizationId: true, acceptedAt: true, messageId: true } });
  const firstSlot = Math.min(...rows.filter((r) => r.acceptedAt).map((r) => r.acceptedAt!.getTime()));
  const burst = rows.filter((r) => r.acceptedAt && r.acceptedAt.getTime() < firstSlot + WINDOW_MS).map((r) => r.acceptedAt!.getTime());
  const burstSeconds = (Math.max(...burst) - firstSlot) / 1000;
  const enginePerSec = burst.length / burstSeconds;

  // Audit 1: limiter slots per organization, any sliding window.
  const byOrg = new Map<string, number[]>();
  for (const r of rows) if (r.acceptedAt) byOrg.set(r.organizationId, [...(byOrg.get(r.organizationId) ?? []), r.acceptedAt.getTime()]);
  let worstWindow = 0;
  for (const times of byOrg.values()) {
    times.sort((a, b) => a - b);
    for (let i = 0; i < times.length; i++) {
      let j = i;
      while (j < times.length && times[j]! < times[i]! + WINDOW_MS) j++;
      worstWindow = Math.max(worstWindow, j - i);
    }
  }
  // Audit 2: what the provider received — every message exactly once (biz_opaque_callback_data = our message id).
  const received = (await control("GET", "/_sandbox/requests?provider=meta&path=/messages")) as { body: { biz_opaque_callback_data?: string }; response: { status: number } }[];
  const accepted = received.filter((r) => r.response.status === 200);
  const ids = accepted.map((r) => r.body.biz_opaque_callback_data);
  const duplicates = ids.length - new Set(ids).size;
  const refPerSec = referenceSends / refSeconds;
  const ok = sent === total && worstWindow <= LIMIT && duplicates === 0 && accepted.length === total;

  const table = [
    "# Outbound delivery: sustained sends across organizations",
    "",
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length} vCPU, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node ${process.version}  `,
    `Run: ${ORGS} organizations × ${PER_ORG} messages = ${total}; limit ${LIMIT} per organization per ${WINDOW_MS / 1000} s;`,
    `${WORKERS} worker processes × concurrency ${CONCURRENCY}; Postgres 15, a throwaway Redis and the sandbox on this machine.`,
    "",
    "| path | sends | seconds | sends/s |",
    "|---|---:|---:|---:|",
    `| CampoTech engine (first window: every organization at its limit) | ${burst.length} | ${burstSeconds.toFixed(1)} | ${enginePerSec.toFixed(0)} |`,
    `| Reference: provider client straight to the sandbox, same concurrency | ${referenceSends} | ${refSeconds.toFixed(1)} | ${refPerSec.toFixed(0)} |`,
    `| Enqueue (sendMessage, 16 concurrent callers) | ${total} | ${enqSeconds.toFixed(1)} | ${(total / enqSeconds).toFixed(0)} |`,
    "",
    `Ratio engine ÷ reference: **${(enginePerSec / refPerSec).toFixed(2)}**`,
    "",
    "Audit:",
    `- messages sent: ${sent} of ${total}; the provider accepted ${accepted.length} requests`,
    `- most sends of one organization in any ${WINDOW_MS / 1000}-second window: ${worstWindow} (limit ${LIMIT})`,
    `- messages that reached the provider more than once: ${duplicates}`,
    `- the workers' start-up maintenance sweeps ran before the deliveries were released: ${sweepSeconds.toFixed(1)} s`,
    `- whole run, deliveries released → last send: ${((Date.now() - workersStart) / 1000).toFixed(0)} s (the second window waits ${WINDOW_MS / 1000} s by design)`,
    `- verdict: ${ok ? "PASS" : "FAIL"}`,
    "",
    "Reproduce: `pnpm --filter @campotech/bench outbound-throughput` (see bench/README.md).",
  ].join("\n");
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/outbound-throughput.md`, `${table}\n`);
  console.log(table);

  // Workers first (they finish in-flight jobs), Redis last: otherwise they log connection errors on the way out.
  await Promise.all(children.filter((c) => c !== redis.process).map(stopChild));
  await closeQueues();
  await closeSharedRedis();
  await sandbox.close();
  redis.process.kill("SIGTERM");
  process.exit(ok ? 0 : 1);
}

// Idle = the other queues have had nothing waiting or running for two checks in a row, after their first jobs ran.
async function startUpSweepsDone(queues: Queue[]): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  let seenWork = false;
  while (quiet < 2 && performance.now() - started < 180_000) {
    await new Promise((r) => setTimeout(r, 500));
    const counts = await Promise.all(queues.map((q) => q.getJobCounts("waiting", "active", "completed", "prioritized")));
    const busy = counts.reduce((n, c) => n + (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0), 0);
    seenWork ||= counts.some((c) => (c.completed ?? 0) > 0);
    quiet = seenWork && busy === 0 ? quiet + 1 : 0;
  }
  return (performance.now() - started) / 1000;
}

main().catch((error) => {
  console.error(error);
  for (const child of children) child.kill("SIGTERM");
  process.exit(1);
});
