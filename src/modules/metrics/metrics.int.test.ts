import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { feDummy } from "../../integrations/arca/wsfe";
import { getSellerAccount } from "../../integrations/mercadopago";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { externalCallSeconds, externalCallsTotal } from "../../lib/metrics/external-call-metrics";
import { jobDurationSeconds, jobFailuresTotal } from "../../lib/metrics/job-metrics";
import { sampleOf } from "../../lib/metrics/metrics-test-kit";
import { panicModesActive } from "../../lib/metrics/panic-metrics";
import { queueJobs, queueOldestWaitingSeconds } from "../../lib/metrics/queue-metrics";
import { closeSharedRedis, sharedRedis, whenRedisReady } from "../../lib/redis";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { processJob } from "../../workers/process-job";
import { collectPanicModes } from "./collect-panic-modes";
import { collectQueueDepth } from "./collect-queue-depth";

// Real Redis (BullMQ queues under the suite's prefix) and real Postgres. Nothing consumes these queues here.
beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await whenRedisReady(sharedRedis());
  await sharedRedis().flushdb();
});
afterAll(async () => {
  await closeQueues();
  await closeSharedRedis();
});

describe("queue depth (read at scrape time)", () => {
  it("counts waiting and delayed jobs per queue and the age of the oldest waiting one", async () => {
    const queue = getQueue("invoicing");
    const first = await queue.add("invoicing.authorize-invoice", { invoiceId: "a" });
    await queue.add("invoicing.authorize-invoice", { invoiceId: "b" });
    await queue.add("invoicing.authorize-invoice", { invoiceId: "c" });
    await queue.add("invoicing.authorize-invoice", { invoiceId: "d" }, { delay: 3_600_000 });
    const now = first.timestamp + 90_000;

    await collectQueueDepth(now);
    expect(await sampleOf(queueJobs, { queue: "invoicing", state: "waiting" })).toBe(3);
    expect(await sampleOf(queueJobs, { queue: "invoicing", state: "delayed" })).toBe(1);
    expect(await sampleOf(queueJobs, { queue: "payments", state: "waiting" })).toBe(0);
    // The oldest is the first one added: exactly 90 s old at `now`.
    expect(await sampleOf(queueOldestWaitingSeconds, { queue: "invoicing" })).toBe(90);
    expect(await sampleOf(queueOldestWaitingSeconds, { queue: "payments" })).toBe(0);

    await queue.drain(true);
    await collectQueueDepth(now);
    expect(await sampleOf(queueJobs, { queue: "invoicing", state: "waiting" })).toBe(0);
    expect(await sampleOf(queueOldestWaitingSeconds, { queue: "invoicing" })).toBe(0);
  });
});

describe("job failures", () => {
  it("counts a job that fails for good and times it as failed", async () => {
    const queue = new Queue("system", { connection: sharedRedis(), prefix: "campotech-test-metrics" });
    const name = "messaging.deliver-message";
    const before = await sampleOf(jobFailuresTotal, { job: name, final: "true" });
    const timedBefore = await sampleOf(jobDurationSeconds, { job: name, result: "failed" }, "_count");
    // An invalid payload can never succeed: UnrecoverableError, no retry follows.
    const added = await queue.add(name, { organizationId: 42 });
    const job = (await queue.getJob(added.id!))!;
    await expect(processJob(job)).rejects.toThrow(/invalid payload/);
    expect(await sampleOf(jobFailuresTotal, { job: name, final: "true" })).toBe(before + 1);
    expect(await sampleOf(jobDurationSeconds, { job: name, result: "failed" }, "_count")).toBe(timedBefore + 1);
    await queue.obliterate({ force: true });
    await queue.close();
  });
});

describe("panic modes (read at scrape time from every organization)", () => {
  it("counts ACTIVE panics by channel across organizations and reports 0 for quiet channels", async () => {
    const admin = adminDb();
    for (const [id, cuit] of [["org-m1", "30712345671"], ["org-m2", "20267565393"]] as const) {
      await admin.organization.create({ data: { id, name: id, cuit } });
    }
    await admin.panicMode.createMany({
      data: [
        { organizationId: "org-m1", integration: "whatsapp:acc-1", reason: "provider_error_190" },
        { organizationId: "org-m2", integration: "whatsapp:acc-2", reason: "provider_error_131031" },
        { organizationId: "org-m2", integration: "arca", reason: "arca_unavailable" },
        { organizationId: "org-m1", integration: "whatsapp:acc-3", reason: "old", status: "RESOLVED", resolvedAt: new Date() },
      ],
    });
    await collectPanicModes();
    expect(await sampleOf(panicModesActive, { channel: "whatsapp" })).toBe(2);
    expect(await sampleOf(panicModesActive, { channel: "arca" })).toBe(1);
    expect(await sampleOf(panicModesActive, { channel: "sms" })).toBe(0);
  });
});

describe("ARCA and MercadoPago calls", () => {
  it("counts results by operation and times each call", async () => {
    const arca = { service: "arca", operation: "wsfe.FEDummy" };
    const okBefore = await sampleOf(externalCallsTotal, { ...arca, result: "ok" });
    const timedBefore = await sampleOf(externalCallSeconds, arca, "_count");
    await feDummy({ endpoint: env.ARCA_WSFE_URL_HOMOLOGACION, timeoutMs: 10_000 });
    expect(await sampleOf(externalCallsTotal, { ...arca, result: "ok" })).toBe(okBefore + 1);
    expect(await sampleOf(externalCallSeconds, arca, "_count")).toBe(timedBefore + 1);

    const mp = { service: "mercadopago", operation: "users.me" };
    const rejectedBefore = await sampleOf(externalCallsTotal, { ...mp, result: "http_401" });
    await expect(getSellerAccount("APP_USR-token-que-no-existe")).rejects.toMatchObject({ status: 401 });
    expect(await sampleOf(externalCallsTotal, { ...mp, result: "http_401" })).toBe(rejectedBefore + 1);
    expect(await sampleOf(externalCallsTotal, { ...mp, result: "ok" })).toBe(0);
  });
});
