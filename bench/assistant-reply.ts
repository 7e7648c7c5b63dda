import { spawn } from "node:child_process";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { benchEnv as configure, children, ROOT, spawnWorkers, startRedis, stopChild } from "./lib/bench-processes";
import { freePort } from "./lib/free-port";

// Time from an inbound WhatsApp webhook to our reply being accepted by the provider (the local sandbox's Graph API
// records when it received the send), with the offline assistant engine, through the real path: signature check
// and durable enqueue (acceptMetaWebhook, what the route calls), the workers process (webhook job → customer and
// message → close-turn → assistant → outbound delivery). Side by side with a REFERENCE bot that takes the same kind
// of job off the same Redis and answers a fixed text with one Graph call (no database, no understanding).
//
//   pnpm --filter @campotech/bench assistant-reply [messagesPerKind=40]
// Phase 1 runs with the production aggregation window (8 s): emergencies must not wait for it. Phase 2 sets the
// window to 0 to show the processing cost of each kind of turn (in production a non-urgent turn also waits the
// window, by design: the customer is usually still typing). The organization's send limit (50 a minute by
// default) is lifted so the bench measures latency, not the limiter.
const [PER_KIND = 40] = process.argv.slice(2).map(Number);
const DB = "campotech_bench";
const APP_SECRET = "bench-meta-app-secret";
const PHONE_NUMBER_ID = "100000000000001";
const TOKEN = "sandbox-meta-access-token-demo";

const KINDS = {
  emergency: ["hola tengo olor a gas en la cocina", "se inundó el baño, se rompió un caño y sale agua a chorros", "salen chispas del enchufe y huele a quemado"],
  quote: ["cuánto sale destapar una cloaca?", "cuanto cobran por instalar un split de 3000 frigorias", "precio del service del aire?"],
  schedule: ["quiero que vengan a revisar el aire", "necesito un turno para cambiar la canilla de la cocina", "pueden venir mañana a la tarde por una perdida de agua?"],
} as const;
type Kind = keyof typeof KINDS;

function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).replace(/\//g, "\\/");
}

function envelope(waId: string, text: string, id: string): Buffer {
  return Buffer.from(metaJson({
    object: "whatsapp_business_account",
    entry: [{ id: "200000000000001", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp", metadata: { display_phone_number: "541152630000", phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: "Cliente Bench" }, wa_id: waId }],
      messages: [{ from: waId, id, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: text } }],
    } }] }],
  }));
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function main(): Promise<void> {
  const redis = await startRedis();
  const sandboxPort = await freePort();
  const benchEnv = configure({ db: DB, redisUrl: redis.url, sandboxPort, extra: { META_APP_SECRET: APP_SECRET, OPENAI_API_KEY: "", OPENAI_BASE_URL: "" } });
  const { startSandbox } = await import("../apps/sandbox/src/index");
  const { migrate } = await import("../database/src/migrate");
  const { resetDatabase } = await import("../database/testing/reset");
  const { adminDb } = await import("../src/lib/db");
  const { encryptJson } = await import("../src/lib/crypto");
  const { acceptMetaWebhook } = await import("../src/modules/webhooks/accept-meta-webhook");
  const { DEFAULT_TEMPLATES } = await import("../src/modules/templates/default-templates");
  const { closeQueues } = await import("../src/workers/queue-registry");
  const { closeSharedRedis } = await import("../src/lib/redis");

  // Statuses off and no webhook deliveries from the sandbox: only our sends are recorded.
  const sandbox = await startSandbox({ port: sandboxPort, host: "127.0.0.1", config: { statusDelaysMs: { sent: 3_600_000, delivered: null, read: null }, webhookRetry: { baseMs: 1000, maxAttempts: 1 } } });
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.url}${path}`, { method, ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}) });
    return res.json() as Promise<unknown>;
  };

  await migrate({ adminUrl: benchEnv.DATABASE_ADMIN_URL!, appUrl: benchEnv.DATABASE_URL! });
  await resetDatabase(benchEnv.DATABASE_ADMIN_URL!);
  const admin = adminDb();
  const org = "bench-assistant";
  const week = Object.fromEntries([1, 2, 3, 4, 5, 6].map((d) => [d, [["08:00", "18:00"]]]));
  await admin.organization.create({ data: { id: org, name: "Del Sur Plomería y Gas", cuit: "30712345671", tier: "ENTERPRISE", settings: { assistant: { autoResponseEnabled: true }, messaging: { rateLimit: 100_000, rateWindowMs: 60_000 } } } });
  await admin.whatsAppBusinessAccount.create({
    data: { id: `${org}-wa`, organizationId: org, bspProvider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, wabaId: "200000000000001", displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: TOKEN }), credentialsKeyId: "bench", provisioningStatus: "ACTIVE" },
  });
  await admin.user.createMany({ data: [
    { id: "b-owner", organizationId: org, phone: "+5491140000001", name: "Martín Gómez", role: "OWNER" },
    { id: "b-tech1", organizationId: org, phone: "+5491140000003", name: "Diego Ruiz", role: "TECHNICIAN" },
    { id: "b-tech2", organizationId: org, phone: "+5491140000004", name: "Sofía Benítez", role: "TECHNICIAN" },
  ] });
  for (const userId of ["b-tech1", "b-tech2"]) await admin.technicianSchedule.create({ data: { organizationId: org, userId, workingHours: week } });
  await admin.waTemplate.createMany({ data: DEFAULT_TEMPLATES.map((t) => ({ organizationId: org, name: t.name, language: "es_AR", category: t.category, status: "APPROVED" as const, components: [{ type: "BODY", text: t.body }] })) });
  await admin.priceListItem.createMany({ data: [
    { organizationId: org, code: "DESTAP-CLOACA", name: "Destapación de cloaca", serviceType: "DRAINAGE", priceCents: 3_800_000, keywords: ["destapar", "cloaca"] },
    { organizationId: org, code: "SPLIT-3000", name: "Instalación de split 3000 frigorías", serviceType: "HVAC", priceCents: 4_500_000, keywords: ["split", "aire", "3000"] },
    { organizationId: org, code: "SPLIT-SERVICE", name: "Service de aire acondicionado", serviceType: "HVAC", priceCents: 2_800_000, keywords: ["service", "aire"] },
    { organizationId: org, code: "CANILLA", name: "Cambio de canilla o grifería", serviceType: "PLUMBING", priceCents: 1_800_000, keywords: ["canilla"] },
  ] });

  const startWorkers = async (windowMs: number) => {
    const child = await spawnWorkers({ WORKER_CONCURRENCY: "8", INBOUND_AGGREGATION_WINDOW_MS: String(windowMs) });
    await new Promise((r) => setTimeout(r, 4000)); // start-up + Workers connecting
    return child;
  };

  let seq = 0;
  // One message at a time (closed loop, c = 1), each from a new customer so turns never merge.
  async function measure(label: string, send: (waId: string, body: Buffer) => Promise<void>, texts: readonly string[], count: number): Promise<number[]> {
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const waId = `5491166${String(++seq).padStart(6, "0")}`;
      const body = envelope(waId, texts[i % texts.length]!, `wamid.BENCH${label}${seq}`);
      const t0 = Date.now();
      await send(waId, body);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const sent = (await control("GET", `/_sandbox/requests?provider=meta&path=/messages`)) as { receivedAt: string; body: { to: string; type: string } }[];
        const reply = sent.find((r) => r.body.to === waId && r.body.type === "text");
        if (reply) { latencies.push(new Date(reply.receivedAt).getTime() - t0); break; }
        if (Date.now() > deadline) throw new Error(`${label}: no reply to ${waId} within 30 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      if (i % 10 === 9) await control("DELETE", "/_sandbox/requests");
    }
    await control("DELETE", "/_sandbox/requests");
    return latencies;
  }

  const ours = (waId: string, body: Buffer) => acceptMetaWebhook({ rawBody: body, headers: new Headers({ "x-hub-signature-256": `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}` }), path: "/api/webhooks/whatsapp" }).then(() => undefined);

  // Reference: the same acceptance minimum (HMAC over the raw bytes, one BullMQ add) into its own prefix, answered
  // by the reference bot process.
  const refConnection = new Redis(benchEnv.REDIS_URL!, { maxRetriesPerRequest: null });
  const refQueue = new Queue("webhooks", { connection: refConnection, prefix: "campotech-ref" });
  const reference = async (_waId: string, body: Buffer) => {
    // The same check the route does (the header is what Meta would send, computed here as for ours).
    const header = createHmac("sha256", APP_SECRET).update(body).digest();
    if (!timingSafeEqual(header, createHmac("sha256", APP_SECRET).update(body).digest())) throw new Error("bad signature");
    const deliveryId = createHash("sha256").update(body).digest("hex");
    await refQueue.add("whatsapp.process-webhook", { provider: "META_DIRECT", deliveryId, receivedAt: new Date().toISOString(), rawBody: body.toString("utf8") }, { jobId: `wh-${deliveryId}`, removeOnComplete: true });
  };
  const bot = spawn(`${ROOT}node_modules/.bin/tsx`, [`${ROOT}bench/lib/reference-bot.ts`, benchEnv.REDIS_URL!, "campotech-ref", `${sandbox.url}/meta`, TOKEN, PHONE_NUMBER_ID], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  children.push(bot);

  const rows: { phase: string; kind: string; values: number[] }[] = [];
  console.log("phase 1: production aggregation window (8 s), emergencies…");
  let workers = await startWorkers(8000);
  await measure("warm", ours, KINDS.emergency, 5);
  rows.push({ phase: "window 8 s", kind: "emergency (CampoTech)", values: await measure("p1", ours, KINDS.emergency, PER_KIND) });
  await stopChild(workers);

  console.log("phase 2: window 0, every kind…");
  workers = await startWorkers(0);
  await measure("warm2", ours, KINDS.quote, 5);
  await measure("warmref", reference, ["hola"], 5);
  for (const kind of Object.keys(KINDS) as Kind[]) {
    rows.push({ phase: "window 0", kind: `${kind} (CampoTech)`, values: await measure(`p2${kind}`, ours, KINDS[kind], PER_KIND) });
    rows.push({ phase: "window 0", kind: "reference bot", values: await measure(`ref${kind}`, reference, KINDS[kind], PER_KIND) });
  }
  await stopChild(workers);

  const refAll = rows.filter((r) => r.kind === "reference bot").flatMap((r) => r.values);
  const refP50 = pct(refAll, 50);
  const refP95 = pct(refAll, 95);
  const lines = rows.filter((r) => r.kind !== "reference bot").map((r) => {
    const p50 = pct(r.values, 50);
    const p95 = pct(r.values, 95);
    return `| ${r.phase} | ${r.kind} | ${r.values.length} | ${p50} | ${p95} | ${Math.max(...r.values)} | ${(p50 / refP50).toFixed(1)}× | ${(p95 / refP95).toFixed(1)}× |`;
  });
  const runs = await admin.assistantRun.groupBy({ by: ["intent"], _count: true });
  const table = [
    "# Assistant: inbound webhook → reply accepted by the provider (offline engine)",
    "",
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length} vCPU, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node ${process.version}  `,
    `Run: ${PER_KIND} messages per kind, one at a time (c = 1), each from a new customer; 1 worker process × concurrency 8; Postgres 15, a throwaway Redis and the sandbox on this machine.`,
    "",
    "| phase | turn | n | p50 ms | p95 ms | max ms | p50 ÷ reference | p95 ÷ reference |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...lines,
    `| window 0 | reference bot (queue hop + one Graph call) | ${refAll.length} | ${refP50} | ${refP95} | ${Math.max(...refAll)} | 1.0× | 1.0× |`,
    "",
    `Assistant runs by intent: ${runs.map((r) => `${r.intent} ${r._count}`).join(", ")}.`,
    "",
    "Phase 1 keeps the production 8-second aggregation window: an emergency closes its turn at once, so its latency does not include the window.",
    "Phase 2 sets the window to 0 to show processing cost; in production a non-urgent turn is answered 8 s after the customer's last message, by design.",
    "",
    "Reproduce: `pnpm --filter @campotech/bench assistant-reply` (see bench/README.md).",
  ].join("\n");
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/assistant-reply.md`, `${table}\n`);
  console.log(table);

  await stopChild(bot);
  await refQueue.close();
  await refConnection.quit();
  await closeQueues();
  await closeSharedRedis();
  await sandbox.close();
  // Exit right after stopping Redis: connections opened by the platform's modules (webhook deps) would otherwise
  // log reconnect errors on the way out.
  redis.process.kill("SIGTERM");
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
});
