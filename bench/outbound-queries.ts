import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { createRequire } from "node:module";
import { benchEnv as configure, children, ROOT, startRedis } from "./lib/bench-processes";
import { freePort } from "./lib/free-port";

// issue 22 (outbound): what one delivery costs in round trips — Postgres statements (BEGIN/COMMIT included, counted
// on the pg driver under Prisma) and Redis commands (the throwaway server's own command stats) — for deliveries that
// go straight through (no wait, no error), which is what outbound-throughput is made of. A profile, not a timing.
//
//   pnpm --filter @campotech/bench outbound-queries [organizations=20] [messagesPerOrg=3] [database=campotech_bench] [cpuprofile]
// With a fifth argument, the deliveries (only them) are CPU-profiled into that .cpuprofile file.
const [ORGS = 20, PER_ORG = 3] = process.argv.slice(2, 4).map(Number);
const DB = process.argv[4] ?? "campotech_bench";
const PROFILE = process.argv[5];

async function main(): Promise<void> {
  const redis = await startRedis();
  const sandboxPort = await freePort();
  const benchEnv = configure({ db: DB, redisUrl: redis.url, sandboxPort });
  // The same pg module Prisma's adapter uses (one version in the workspace): count every statement it sends.
  const pg = createRequire(`${ROOT}database/package.json`)("pg") as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  const statements = new Map<string, number>();
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === "string" ? first : first?.text ?? "?").replace(/\s+/g, " ").slice(0, 90);
    statements.set(text, (statements.get(text) ?? 0) + 1);
    return original.apply(this, args);
  };
  const { startSandbox } = await import("../apps/sandbox/src/index");
  const { migrate } = await import("../database/src/migrate");
  const { resetDatabase } = await import("../database/testing/reset");
  const { adminDb } = await import("../src/lib/db");
  const { encryptJson } = await import("../src/lib/crypto");
  const { sendMessage } = await import("../src/modules/messaging/send-message");
  const { deliverMessage } = await import("../src/modules/messaging/deliver-message");
  const { defaultDeliveryDeps } = await import("../src/modules/messaging/delivery-deps");
  const { closeQueues } = await import("../src/workers/queue-registry");
  const { closeSharedRedis } = await import("../src/lib/redis");
  const { Redis } = await import("ioredis");

  const sandbox = await startSandbox({
    port: sandboxPort, host: "127.0.0.1",
    config: { statusDelaysMs: { sent: 3_600_000, delivered: null, read: null }, webhookRetry: { baseMs: 1000, maxAttempts: 1 } },
  });
  await migrate({ adminUrl: benchEnv.DATABASE_ADMIN_URL!, appUrl: benchEnv.DATABASE_URL! });
  await resetDatabase(benchEnv.DATABASE_ADMIN_URL!);
  const admin = adminDb();
  const orgs = Array.from({ length: ORGS }, (_, i) => ({ id: `q-org-${i}`, phoneNumberId: String(310000000000000 + i), token: `q-token-${i}` }));
  await admin.organization.createMany({
    data: orgs.map((o, i) => ({ id: o.id, name: `Q ${i}`, cuit: `30${String(20000000 + i)}`, tier: "ENTERPRISE" as const, settings: { messaging: { rateLimit: 1000 } } })),
  });
  await admin.whatsAppBusinessAccount.createMany({
    data: orgs.map((o) => ({
      id: `${o.id}-wa`, organizationId: o.id, bspProvider: "META_DIRECT" as const, phoneNumberId: o.phoneNumberId, displayPhoneNumber: "541152630000",
      credentialsEncrypted: encryptJson({ accessToken: o.token }), credentialsKeyId: "bench", provisioningStatus: "ACTIVE" as const,
    })),
  });
  await admin.customer.createMany({ data: orgs.map((o, i) => ({ id: `${o.id}-c`, organizationId: o.id, phone: `+549116${String(i).padStart(7, "0")}`, waId: `549116${String(i).padStart(7, "0")}`, name: "Cliente" })) });
  const windowExpiresAt = new Date(Date.now() + 20 * 3600_000);
  await admin.whatsAppConversation.createMany({ data: orgs.map((o) => ({ id: `${o.id}-conv`, organizationId: o.id, customerId: `${o.id}-c`, accountId: `${o.id}-wa`, windowExpiresAt })) });
  for (const o of orgs) {
    await fetch(`${sandbox.url}/_sandbox/numbers`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "META_DIRECT", phoneNumberId: o.phoneNumberId, displayPhoneNumber: "541152630000", accessToken: o.token }),
    });
  }
  const messages: { organizationId: string; messageId: string }[] = [];
  for (let k = 0; k < PER_ORG; k++) {
    for (const o of orgs) {
      const m = await sendMessage({ organizationId: o.id, conversationId: `${o.id}-conv`, content: { type: "text", body: `Mensaje ${k}` } });
      messages.push({ organizationId: o.id, messageId: m.id });
    }
  }

  const stats = new Redis(redis.url);
  const redisCalls = async () => {
    const info = await stats.info("commandstats");
    return new Map([...info.matchAll(/cmdstat_([^:]+):calls=(\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
  };
  // The provider client alone, same process and sandbox: what a send costs before the engine adds anything.
  const { createWhatsAppProvider } = await import("../src/integrations/whatsapp");
  const refCpuBefore = process.cpuUsage();
  for (const o of orgs) {
    const provider = createWhatsAppProvider({ bspProvider: "META_DIRECT", phoneNumberId: o.phoneNumberId, displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: o.token }) });
    const result = await provider.send({ to: "5491150000000", content: { type: "text", body: "referencia" } });
    if (!result.ok) throw new Error(`reference send failed: ${result.error.code}`);
  }
  const refCpu = process.cpuUsage(refCpuBefore);
  const deps = defaultDeliveryDeps();
  await deliverMessage(messages[0]!, deps); // warms the pools and the caches a long-running worker has
  statements.clear();
  const redisBefore = await redisCalls();
  const profiler = PROFILE ? await startProfile() : undefined;
  const cpuBefore = process.cpuUsage();
  const outcomes = new Map<string, number>();
  for (const m of messages.slice(1)) {
    const outcome = await deliverMessage(m, deps);
    outcomes.set(outcome.outcome, (outcomes.get(outcome.outcome) ?? 0) + 1);
  }
  const cpu = process.cpuUsage(cpuBefore);
  if (profiler) writeFileSync(PROFILE!, JSON.stringify(await profiler.stop()));
  const redisAfter = await redisCalls();
  redisAfter.set("info", (redisAfter.get("info") ?? 0) - 1); // the INFO that measured it
  const redisByCommand = [...redisAfter].map(([name, calls]) => [name, calls - (redisBefore.get(name) ?? 0)] as const).filter(([, d]) => d > 0);
  const redisCommands = redisByCommand.reduce((sum, [, d]) => sum + d, 0);
  const n = messages.length - 1;
  const total = [...statements.values()].reduce((a, b) => a + b, 0);
  console.log(`${n} deliveries: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`CPU of this process (engine + in-process sandbox) per delivery: ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms`);
  console.log(`CPU per reference send (provider client + sandbox only): ${((refCpu.user + refCpu.system) / 1000 / orgs.length).toFixed(2)} ms`);
  console.log(`Postgres statements per delivery: ${(total / n).toFixed(2)}`);
  for (const [text, count] of [...statements].sort((a, b) => b[1] - a[1])) console.log(`  ${(count / n).toFixed(2)}  ${text}`);
  console.log(`Redis commands per delivery: ${(redisCommands / n).toFixed(2)}`);
  for (const [name, d] of redisByCommand.sort((a, b) => b[1] - a[1])) console.log(`  ${(d / n).toFixed(2)}  ${name}`);

  stats.disconnect();
  deps.redis.disconnect();
  await closeQueues();
  await closeSharedRedis();
  await sandbox.close();
  for (const child of children) child.kill("SIGTERM");
  process.exit(0);
}

async function startProfile() {
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.start");
  return { stop: async () => ((await post("Profiler.stop")) as { profile: unknown }).profile };
}

main().catch((error) => {
  console.error(error);
  for (const child of children) child.kill("SIGTERM");
  process.exit(1);
});
