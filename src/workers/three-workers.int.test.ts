import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../database/testing/reset";
import { adminDb, withTenant } from "../lib/db";
import { env } from "../lib/env";
import { closeSharedRedis } from "../lib/redis";
import { freePort } from "../lib/testing/redis-server";
import { connectedOrganization, completedJob, resetSandbox } from "../modules/invoicing/invoicing-test-kit";
import { createInvoice } from "../modules/invoicing/create-invoice";
import { enqueueInvoiceAuthorization } from "../modules/invoicing/enqueue-invoice-jobs";
import { requestInvoiceAuthorization } from "../modules/invoicing/request-invoice-authorization";
import { sendMessage } from "../modules/messaging/send-message";
import { scheduleJobReminders } from "../modules/notifications/schedule-job-reminders";
import { acceptMetaWebhook } from "../modules/webhooks/accept-meta-webhook";
import { closeQueues, enqueue, getQueue } from "./enqueue";
import { alertsEvaluate } from "./jobs/alerts-evaluate.job";
import { reliabilityReconcileScheduledWork } from "./jobs/reliability-reconcile-scheduled-work.job";
import { retentionRun } from "./jobs/retention-run.job";
import { QUEUES, type QueueName } from "./queues";
import {
  acceptedSends, seedConversations, seedMessagingOrganization, signedMetaDelivery, until, worstWindow,
} from "./three-workers-kit";

// Past one machine (issue 22): three real worker processes (apps/workers, as deployed) share one Redis and one
// Postgres and race for the same work. Every effect is audited afterwards from Postgres and from what the sandbox
// received: inbound stored once, one customer per phone, one answer per turn; sends once each, in order, within
// every organization's limit; reminders, invoice numbers and periodic jobs once. Each scenario waits on conditions
// (work stored, queues drained), never on elapsed time.
const MAIN = new URL("../../apps/workers/src/main.ts", import.meta.url).pathname;
const ROOT = new URL("../../", import.meta.url).pathname;
const WINDOW_MS = 3_000;
const LIMIT = 3;
// The scenarios wait on conditions; on a busy two-core machine three worker processes need time, not a deadline.
const SCENARIO_TIMEOUT_MS = 150_000;
const IN = { id: "mw-in", phoneNumberId: "109000000000001" };
const OUT = [0, 1, 2].map((i) => ({ id: `mw-out-${i}`, phoneNumberId: `10900000000010${i}`, cuit: `3070000002${i}` }));
const REM = { id: "mw-rem", phoneNumberId: "109000000000200" };
const INV = "mw-inv";
const seeded = {
  outbound: [] as { organizationId: string; conversationId: string; waId: string; bodies: string[] }[],
  reminderConversations: [] as { id: string; customerId: string; waId: string }[],
  invoiceIds: [] as string[],
};

// Everything the scenarios work on is in place before the workers start: seeding (an ARCA key pair among it) does
// not compete with them for the CPU, and every drive below starts with all three processes ready.
async function seed(): Promise<void> {
  const admin = adminDb();
  await seedMessagingOrganization({ ...IN, cuit: "30700000011", settings: { assistant: { autoResponseEnabled: true }, messaging: { rateLimit: 10_000, rateWindowMs: 60_000 } } });

  for (const [i, o] of OUT.entries()) {
    await seedMessagingOrganization({ ...o, settings: { messaging: { rateLimit: LIMIT, rateWindowMs: WINDOW_MS } } });
    for (const c of await seedConversations(o.id, 2, `5491170${i}`)) {
      seeded.outbound.push({ organizationId: o.id, conversationId: c.id, waId: c.waId, bodies: [1, 2, 3].map((n) => `${c.id} mensaje ${n}`) });
    }
  }

  await seedMessagingOrganization({ ...REM, cuit: "30700000031", settings: { messaging: { rateLimit: 10_000, rateWindowMs: 60_000 } } });
  await admin.user.create({ data: { id: `${REM.id}-tech`, organizationId: REM.id, phone: "+5491170009999", name: "Carlos", role: "TECHNICIAN" } });
  seeded.reminderConversations = await seedConversations(REM.id, 3, "54911750");

  await connectedOrganization({ id: INV });
  for (let i = 0; i < 5; i++) {
    const jobId = await completedJob(INV, `${INV}-cf`, [{ description: "Cambio de flexible", quantityMilli: 1000, unitPriceCents: 1_000_000 + i, ivaRateBps: 2100 }]);
    seeded.invoiceIds.push((await withTenant(INV, (tx) => createInvoice(tx, { userId: `${INV}-owner` }, { organizationId: INV, jobId }))).id);
  }

  // Retention: five message bodies past a Profesional plan's 90 days.
  await admin.organization.create({ data: { id: "mw-ret", name: "Retención", cuit: "30700000041", tier: "PROFESIONAL" } });
  await admin.customer.create({ data: { id: "mw-ret-c", organizationId: "mw-ret", phone: "+5491180000001", name: "Cliente" } });
  await admin.whatsAppConversation.create({ data: { id: "mw-ret-conv", organizationId: "mw-ret", customerId: "mw-ret-c", lastMessageAt: new Date() } });
  const old = new Date(Date.now() - 100 * 86_400_000);
  await admin.whatsAppMessage.createMany({
    data: [0, 1, 2, 3, 4].map((i) => ({ id: `mw-ret-m${i}`, organizationId: "mw-ret", conversationId: "mw-ret-conv", direction: "INBOUND" as const, type: "TEXT" as const, content: { body: `viejo ${i}` }, status: "RECEIVED" as const, createdAt: old })),
  });
  // Alerts: a message that could not be stored opens one alert for its organization.
  await admin.organization.create({ data: { id: "mw-alert", name: "Alertas", cuit: "30700000051", tier: "PROFESIONAL" } });
  await admin.inboundDeadLetter.create({
    data: { organizationId: "mw-alert", provider: "META_DIRECT", accountId: "x", kind: "message", itemKey: "wamid.DL", deliveryId: "d-1", receivedAt: new Date(), item: {}, error: "poison" },
  });
}

const workers: { child: ChildProcess; output: () => string }[] = [];

async function startWorker(): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: ROOT,
    env: {
      ...process.env, WORKERS_HEALTH_PORT: String(port), WORKER_CONCURRENCY: "4", LOG_LEVEL: "info",
      INBOUND_AGGREGATION_WINDOW_MS: "800", OPENAI_API_KEY: "", OPENAI_BASE_URL: "", METRICS_TOKEN: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Only the tail is kept for a failure message; the ready line is looked for as it arrives.
  let ready = false;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (output.includes("workers ready")) ready = true;
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  workers.push({ child, output: () => output });
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`a worker process exited during start-up: ${output}`);
    return ready;
  }, "worker ready", 60_000);
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

const ALL_QUEUES = Object.values(QUEUES) as QueueName[];
async function idle(names: QueueName[]): Promise<boolean> {
  for (const name of names) {
    const counts = await getQueue(name).getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children");
    if (Object.values(counts).some((n) => n > 0)) return false;
  }
  return true;
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await Promise.all(ALL_QUEUES.map((q) => getQueue(q).obliterate({ force: true })));
  await resetSandbox();
  await sandboxClear();
  await seed();
  // Three processes start together, as a deploy with three replicas does.
  await Promise.all([startWorker(), startWorker(), startWorker()]);
}, 180_000);

async function sandboxClear() {
  await fetch(`${new URL(env.META_GRAPH_API_URL).origin}/_sandbox/requests`, { method: "DELETE" });
}

afterAll(async () => {
  await Promise.all(workers.map((w) => stopWorker(w.child)));
  // The schedulers the workers registered would otherwise fire in later test files' workers.
  await Promise.all(ALL_QUEUES.map((q) => getQueue(q).obliterate({ force: true })));
  await closeQueues();
  await closeSharedRedis();
  await resetDatabase(env.DATABASE_ADMIN_URL);
}, 60_000);

describe("three worker processes on one Redis and one Postgres", () => {
  it("register each periodic job once, with one pending run each", async () => {
    const schedulers = (await Promise.all(ALL_QUEUES.map(async (q) => ({ q, list: await getQueue(q).getJobSchedulers() })))).flatMap(({ q, list }) => list.map((s) => ({ q, key: s.key })));
    const keys = schedulers.map((s) => s.key);
    expect(keys.length).toBe(10);
    expect(new Set(keys).size).toBe(10);
    for (const { q, key } of schedulers) {
      const pending = await getQueue(q).getJobs(["waiting", "delayed", "prioritized"]);
      expect(pending.filter((j) => j.repeatJobKey === key).length, key).toBe(1);
    }
  }, SCENARIO_TIMEOUT_MS);
});

// The scenarios work on organizations of their own, so they run side by side: more contention, less wall time.
describe.concurrent("three worker processes racing for the same work", () => {
  it("stores each inbound message once, one customer per phone, one answer per turn", async () => {
    const { id: ORG, phoneNumberId: NUMBER } = IN;
    const customers = Array.from({ length: 4 }, (_, i) => `54911660000${i}`);
    // Per customer: two messages in two deliveries, the same two batched in a third, and the first redelivered as is.
    const deliveries = customers.flatMap((waId, i) => {
      const m1 = { id: `wamid.MW${i}A`, text: "Hola, necesito un plomero" };
      const m2 = { id: `wamid.MW${i}B`, text: "¿Pueden venir mañana a la tarde?" };
      return [[m1], [m2], [m1, m2], [m1]].map((messages) => signedMetaDelivery(NUMBER, waId, messages));
    });
    await Promise.all(deliveries.map((d) => acceptMetaWebhook({ ...d, path: "/api/webhooks/whatsapp" })));

    const admin = adminDb();
    await until(async () => {
      const stored = await admin.whatsAppMessage.count({ where: { organizationId: ORG, direction: "INBOUND" } });
      return stored === 8 && (await idle(["webhooks", "conversations", "assistant", "outbound"]));
    }, "inbound stored and every follow-up done");

    expect(await admin.customer.count({ where: { organizationId: ORG } })).toBe(4);
    expect(await admin.whatsAppConversation.count({ where: { organizationId: ORG } })).toBe(4);
    expect(await admin.whatsAppMessage.count({ where: { organizationId: ORG, direction: "INBOUND", turnId: null } })).toBe(0);
    const turns = await admin.conversationTurn.findMany({ where: { organizationId: ORG }, select: { id: true } });
    const runs = await admin.assistantRun.findMany({ where: { organizationId: ORG }, select: { turnId: true, reply: true } });
    expect(runs.map((r) => r.turnId).sort()).toEqual(turns.map((t) => t.id).sort());
    const replies = await admin.outboundDelivery.findMany({ where: { organizationId: ORG, idempotencyKey: { startsWith: "assistant-" } }, select: { messageId: true, idempotencyKey: true } });
    expect(replies.length).toBe(runs.filter((r) => r.reply).length);
    expect(replies.length).toBeGreaterThan(0);
    const sent = (await acceptedSends(NUMBER)).map((r) => r.body.biz_opaque_callback_data);
    expect(sent.sort()).toEqual(replies.map((r) => r.messageId).sort());
  }, SCENARIO_TIMEOUT_MS);

  it("sends each message once, in order per conversation, within every organization's window", async () => {
    const plan = seeded.outbound;
    // Conversations in parallel, each one's messages in order (as an operator types them).
    const ids = (await Promise.all(plan.map(async (p) => {
      const out: string[] = [];
      for (const body of p.bodies) out.push((await sendMessage({ organizationId: p.organizationId, conversationId: p.conversationId, content: { type: "text", body } })).id);
      return out;
    }))).flat();

    const admin = adminDb();
    await until(async () => (await admin.outboundDelivery.count({ where: { messageId: { in: ids }, acceptedAt: { not: null } } })) === ids.length && (await idle(["outbound"])), "every send accepted");

    for (const o of OUT) {
      const sends = await acceptedSends(o.phoneNumberId);
      const messageIds = sends.map((r) => r.body.biz_opaque_callback_data);
      expect(messageIds.length, o.id).toBe(6);
      expect(new Set(messageIds).size, o.id).toBe(6);
      for (const p of plan.filter((x) => x.organizationId === o.id)) {
        expect(sends.filter((r) => r.body.to === p.waId).map((r) => r.body.text?.body)).toEqual(p.bodies);
      }
      const slots = await admin.outboundDelivery.findMany({ where: { organizationId: o.id }, select: { acceptedAt: true } });
      expect(worstWindow(slots.map((s) => s.acceptedAt!.getTime()), WINDOW_MS), o.id).toBeLessThanOrEqual(LIMIT);
    }
  }, SCENARIO_TIMEOUT_MS);

  it("sends each job reminder once while every process reconciles reminders at the same time", async () => {
    const { id: ORG, phoneNumberId: NUMBER } = REM;
    const admin = adminDb();
    const conversations = seeded.reminderConversations;
    // The visits start a day and some seconds from now: the 24-hour reminders fire in seconds, the others are armed.
    // The margin covers creating and scheduling the three visits on a loaded box: a 24-hour reminder whose time has
    // already passed when its visit is booked is rightly never sent (none was owed), and the test would wait forever.
    const start = new Date(Date.now() + 24 * 3600_000 + 20_000);
    for (const [i, c] of conversations.entries()) {
      await admin.job.create({
        data: { id: `${ORG}-job${i}`, organizationId: ORG, number: i + 1, customerId: c.customerId, address: "Av. Siempreviva 742", serviceType: "PLUMBING", description: "Pérdida", status: "scheduled", scheduledStart: start, technicianId: `${ORG}-tech` },
      });
      await scheduleJobReminders({ job: { id: `${ORG}-job${i}`, organizationId: ORG, customerId: c.customerId, scheduledStart: start, technicianName: "Carlos", status: "scheduled" } });
    }
    const armed = (await getQueue("notifications").getDelayed()).filter((j) => j.id?.startsWith(`reminder-${ORG}-`) && j.id.includes("-24h-"));
    expect(armed, "every 24-hour reminder armed before its time").toHaveLength(conversations.length);
    const reconcileEverywhere = (round: string) =>
      Promise.all([0, 1, 2].map((n) => enqueue(reliabilityReconcileScheduledWork.name, {}, { jobId: `mw-reconcile-${round}-${n}` })));
    await reconcileEverywhere("before");

    const reminderKeys = () => admin.outboundDelivery.findMany({ where: { organizationId: ORG, idempotencyKey: { startsWith: "notification-reminder-" } }, select: { idempotencyKey: true, messageId: true } });
    await until(async () => (await reminderKeys()).length >= 3 && (await idle(["outbound"])), "every 24-hour reminder sent");
    await reconcileEverywhere("after");
    await until(async () => {
      const system = await getQueue("system").getJobs(["waiting", "active"]);
      return !system.some((j) => j.id?.startsWith("mw-reconcile-")) && (await idle(["outbound"]));
    }, "reconciles done");

    const keys = await reminderKeys();
    expect(keys.map((k) => k.idempotencyKey).sort()).toEqual(conversations.map((_, i) => `notification-reminder-${ORG}-job${i}-24h-${start.getTime()}`).sort());
    const sent = (await acceptedSends(NUMBER)).map((r) => r.body.biz_opaque_callback_data);
    expect(sent.sort()).toEqual(keys.map((k) => k.messageId).sort());
    // The 1-hour and 30-minute reminders wait in Redis, each exactly once.
    const delayed = (await getQueue("notifications").getDelayed()).filter((j) => j.id?.startsWith(`reminder-${ORG}-`));
    expect(delayed.map((j) => j.id).sort()).toEqual(conversations.flatMap((_, i) => ["1h", "30m"].map((o) => `reminder-${ORG}-job${i}-${o}-${start.getTime()}`)).sort());
  }, SCENARIO_TIMEOUT_MS);

  it("numbers invoices authorized concurrently without gaps or repeats per point of sale", async () => {
    const ORG = INV;
    const actor = { userId: `${ORG}-owner` };
    await Promise.all(seeded.invoiceIds.map(async (invoiceId) => {
      const { round } = await withTenant(ORG, (tx) => requestInvoiceAuthorization(tx, actor, { organizationId: ORG, invoiceId }));
      await enqueueInvoiceAuthorization({ organizationId: ORG, invoiceId, round });
    }));
    const admin = adminDb();
    const invoices = await until(async () => {
      const rows = await admin.invoice.findMany({ where: { organizationId: ORG }, select: { status: true, number: true, pointOfSale: true, voucherType: true, cae: true } });
      return rows.every((r) => r.status === "AUTHORIZED") && rows;
    }, "every invoice authorized");
    const numbers = invoices.map((r) => r.number!).sort((a, b) => a - b);
    expect(new Set(invoices.map((r) => `${r.pointOfSale}-${r.voucherType}`)).size).toBe(1);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    expect(new Set(invoices.map((r) => r.cae)).size).toBe(5);
  }, SCENARIO_TIMEOUT_MS);

  it("periodic jobs running in three processes at once do not double their effects", async () => {
    const admin = adminDb();
    const jobs = await Promise.all([retentionRun, alertsEvaluate].flatMap((job) => [0, 1, 2].map((n) => enqueue(job.name, {}, { jobId: `mw-${job.name}-${n}`, attempts: 1 }))));
    await until(async () => (await Promise.all(jobs.map(async (j) => (await j.isCompleted()) || (await j.isFailed())))).every(Boolean), "periodic runs finished");
    expect(await Promise.all(jobs.map((j) => j.isCompleted()))).toEqual(jobs.map(() => true));

    const retentionReports = await Promise.all(jobs.filter((j) => j.name === retentionRun.name).map(async (j) => (await getQueue("system").getJob(j.id!))!.returnvalue as { totals: { messages: number } }));
    expect(retentionReports.reduce((sum, r) => sum + r.totals.messages, 0)).toBe(5);
    expect(await admin.whatsAppMessage.count({ where: { organizationId: "mw-ret", purgedAt: { not: null } } })).toBe(5);
    const audits = await admin.auditLog.findMany({ where: { organizationId: "mw-ret", action: "retention.purged" }, select: { metadata: true } });
    // Passes that overlap may each purge part of the organization (each writes its own entry); together exactly once.
    expect(audits.reduce((sum, a) => sum + (a.metadata as { messages: number }).messages, 0)).toBe(5);

    const alerts = await admin.alert.findMany({ where: { organizationId: "mw-alert" }, select: { kind: true, status: true, notifiedAt: true } });
    expect(alerts).toEqual([{ kind: "inbound_dead_letters", status: "OPEN", notifiedAt: expect.any(Date) }]);
  }, SCENARIO_TIMEOUT_MS);
});
