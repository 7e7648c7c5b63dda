import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWorkers } from "../../../apps/workers/src/start-workers";
import { startTestSandbox, startWebhookReceiver, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { createRedis } from "../../lib/redis";
import { defineJob } from "../../workers/define-job";
import { processJob } from "../../workers/process-job";
import { metaDelivery, runDelivery } from "../inbound/inbound-test-kit";
import { autoResolvePanics } from "./auto-resolve-panics";
import { checkDelivery } from "./check-delivery";
import { deliverMessage } from "./deliver-message";
import { DELIVER_JOB } from "./enqueue-delivery";
import { handleFailedStatus } from "./handle-failed-status";
import { clock, depsFor, NUMBERS, ORG_A, seedOrganizations } from "./outbound-test-kit";
import { listPanicModes } from "./panic-admin";
import { sendMessage } from "./send-message";
import { z } from "zod";

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const redis = new Redis(env.REDIS_URL);
const T0 = Date.parse("2026-11-23T13:00:00Z");
const JOB_SCHEDULED = "Hola {{1}}, tu turno quedó agendado para el {{2}} a las {{3}}. Técnico: {{4}}.";

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
  await redis.quit();
});
beforeEach(async () => {
  await seedOrganizations(sandbox, redis);
  await sandbox.pointWebhooksAt(receiver.url);
  receiver.received.length = 0;
  await adminDb().waTemplate.create({
    data: { organizationId: ORG_A, name: "job_scheduled", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: JOB_SCHEDULED }] },
  });
});

const fallback = { name: "job_scheduled", params: ["Ana", "martes 24/11", "10:30", "Diego"] };

// Sends one message, lets the sandbox report its statuses to our receiver and runs them through the real webhook
// processing; returns the follow-up jobs that processing asked for.
async function sendAndProcessStatuses(content: string, options: { smsFallback?: boolean } = {}) {
  const c = clock(T0);
  const deps = depsFor(sandbox, redis, c.now);
  const message = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: { type: "text", body: content }, templateFallback: fallback, ...options });
  expect(await deliverMessage({ organizationId: ORG_A, messageId: message.id }, deps)).toMatchObject({ outcome: "sent" });
  const { waMessageId } = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id } });
  const hook = await receiver.waitFor((h) => h.body.includes(waMessageId!) && h.body.includes('"failed"'));
  const { jobs } = await runDelivery(metaDelivery(hook.body));
  return { message, jobs, deps };
}

describe("failures reported after the provider accepted the message", () => {
  it("131047 (window closed) sends the fallback template as a new message, once", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "131047" });
    const { message, jobs, deps } = await sendAndProcessStatuses("¿Te queda bien mañana?");
    expect(jobs).toEqual([expect.objectContaining({ name: "messaging.handle-failed-status", payload: { organizationId: ORG_A, messageId: message.id } })]);
    await sandbox.clearFaults();
    const first = await handleFailedStatus({ organizationId: ORG_A, messageId: message.id }, deps);
    expect(first.action).toBe("template");
    expect((await handleFailedStatus({ organizationId: ORG_A, messageId: message.id }, deps)).messageId).toBe(first.messageId);
    expect(await deliverMessage({ organizationId: ORG_A, messageId: first.messageId! }, deps)).toMatchObject({ outcome: "sent" });
    const sends = (await sandbox.requests("meta", `/${NUMBERS[ORG_A]}/messages`)).filter((r) => r.response.status === 200);
    expect(sends.map((r) => (r.body as { type: string }).type)).toEqual(["text", "template"]);
    expect((await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id } })).errorCode).toBe("131047");
  });

  it("131026 (undeliverable) sends the text by SMS when the message asked for it", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "131026" });
    const { message, deps } = await sendAndProcessStatuses("Llegamos 10:30", { smsFallback: true });
    expect(await handleFailedStatus({ organizationId: ORG_A, messageId: message.id }, deps)).toEqual({ action: "sms" });
    expect(await handleFailedStatus({ organizationId: ORG_A, messageId: message.id }, deps)).toEqual({ action: "none" });
    const sms = (await sandbox.requests("twilio", "/Messages.json")).filter((r) => r.response.status === 201);
    expect(sms.map((r) => (r.body as { Body: string }).Body)).toEqual(["Llegamos 10:30"]);
  });
});

describe("high-priority messages", () => {
  it("go by SMS too when WhatsApp has not delivered them in time, and not when it has", async () => {
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const pending = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: { type: "text", body: "Código 123456" }, priority: "high" });
    const delivered = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv1`, content: { type: "text", body: "Emergencia" }, priority: "high" });
    for (const m of [pending, delivered]) await deliverMessage({ organizationId: ORG_A, messageId: m.id }, deps);
    await adminDb().whatsAppMessage.update({ where: { id: delivered.id }, data: { status: "DELIVERED" } });
    expect(await checkDelivery({ organizationId: ORG_A, messageId: pending.id }, deps)).toEqual({ smsSent: true, status: "QUEUED" });
    expect(await checkDelivery({ organizationId: ORG_A, messageId: delivered.id }, deps)).toEqual({ smsSent: false, status: "DELIVERED" });
    const sms = (await sandbox.requests("twilio", "/Messages.json")).filter((r) => r.response.status === 201);
    expect(sms.map((r) => (r.body as { Body: string }).Body)).toEqual(["Código 123456"]);
  });
});

describe("panic auto-resolve", () => {
  it("resolves after its time only once the health probe passes, then sends what it held", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "190" });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const message = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: { type: "text", body: "hola" } });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: message.id }, deps)).toMatchObject({ outcome: "held" });

    c.advance(30 * 60_000);
    expect(await autoResolvePanics(deps)).toEqual({ resolved: 0, stillFailing: 0 }); // not yet due
    c.advance(31 * 60_000);
    expect(await autoResolvePanics(deps)).toEqual({ resolved: 0, stillFailing: 1 }); // due, but the token still fails
    await sandbox.clearFaults();
    expect(await autoResolvePanics(deps)).toEqual({ resolved: 1, stillFailing: 0 });
    expect(await listPanicModes({ organizationId: ORG_A })).toEqual([]);
    const [resolved] = await listPanicModes({ organizationId: ORG_A, includeResolved: true });
    expect(resolved).toMatchObject({ status: "RESOLVED", resolvedBy: "system:auto" });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: message.id }, deps)).toMatchObject({ outcome: "sent" });
  });
});

describe("template status webhook", () => {
  it("updates the template of every organization on that WABA", async () => {
    await adminDb().waTemplate.update({ where: { organizationId_name_language: { organizationId: ORG_A, name: "job_scheduled", language: "es_AR" } }, data: { status: "PENDING" } });
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: "200000000000001", changes: [{ field: "message_template_status_update", value: { event: "REJECTED", message_template_id: 77, message_template_name: "job_scheduled", message_template_language: "es_AR", reason: "INCORRECT_CATEGORY" } }] }],
    });
    const { summary } = await runDelivery(metaDelivery(body));
    // Both test organizations are on WABA 200000000000001; only org A has the template.
    expect(summary).toMatchObject({ templateUpdates: 1 });
    const template = await adminDb().waTemplate.findFirstOrThrow({ where: { organizationId: ORG_A, name: "job_scheduled" } });
    expect(template).toMatchObject({ status: "REJECTED", rejectionReason: "INCORRECT_CATEGORY", providerTemplateId: "77" });
  });
});

describe("through a real BullMQ worker", () => {
  it("sendMessage → messaging.deliver-message job → the sandbox, with the provider id stored", async () => {
    const prefix = `campotech-test-outbound-${process.pid}`;
    const connection = createRedis("worker");
    const queue = new Queue("outbound", { connection, prefix });
    // The real processor and catalog, on a queue prefix of its own (other files' workers can't take these jobs).
    const pool = startWorkers({ catalog: [defineJob({ name: DELIVER_JOB, queue: "outbound", schema: z.object({}).passthrough(), handler: async () => {} })], processor: processJob, prefix, concurrency: 2 });
    try {
      const message = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: { type: "text", body: "desde el worker" } });
      await queue.add(DELIVER_JOB, { organizationId: ORG_A, messageId: message.id }, { jobId: `deliver-${message.id}` });
      const deadline = Date.now() + 15_000;
      let stored: string | null = null;
      while (!stored && Date.now() < deadline) {
        stored = (await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id } })).waMessageId;
        if (!stored) await new Promise((r) => setTimeout(r, 100));
      }
      expect(stored).toMatch(/^wamid\./);
      // The worker used env's provider URL: the suite-wide sandbox (vitest.global-setup.ts) got exactly one send.
      const base = env.META_GRAPH_API_URL.replace(/\/meta$/, "");
      const requests = (await (await fetch(`${base}/_sandbox/requests?provider=meta&path=${NUMBERS[ORG_A]}/messages`)).json()) as { body: { text?: { body: string } } }[];
      expect(requests.filter((r) => r.body.text?.body === "desde el worker")).toHaveLength(1);
    } finally {
      await pool.close(5_000);
      await queue.obliterate({ force: true });
      await queue.close();
      await connection.quit();
    }
  });
});
