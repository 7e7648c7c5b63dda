import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis } from "../../lib/redis";
import { findJob } from "../../workers/catalog";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { SEND_DEFERRED_JOB } from "../notifications/notifications-queue";
import { notifyCustomer } from "../notifications/notify-customer";
import { sendDeferredNotification } from "../notifications/send-deferred-notification";
import { DEFAULT_TEMPLATES } from "../templates/default-templates";
import { reconcileDeferredNotifications } from "./reconcile-deferred-notifications";

// "Redis lost its data" is redis.flushdb() on the test's own Redis database. A notification deferred by quiet hours
// must survive it (its row in Postgres), go out after the quiet hours end, and go out once.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const ba = (iso: string) => new Date(`${iso}-03:00`);
const NIGHT = ba("2026-11-23T22:30:00");
const MORNING = ba("2026-11-24T08:00:00");
const CUSTOMER = `${ORG_A}-c0`;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await closeQueues();
  await closeSharedRedis();
  await redis.quit();
});
beforeEach(async () => {
  await seedOrganizations(sandbox, redis);
  await adminDb().waTemplate.createMany({
    data: DEFAULT_TEMPLATES.map((t) => ({ organizationId: ORG_A, name: t.name, language: "es_AR", category: t.category, status: "APPROVED" as const, components: [{ type: "BODY", text: t.body }] })),
  });
});

const sentTo = (customerId: string) =>
  adminDb().whatsAppMessage.findMany({ where: { conversation: { customerId }, direction: "OUTBOUND" }, include: { delivery: true } });

async function deferredJobs() {
  const queue = getQueue("notifications");
  const jobs = [...(await queue.getDelayed()), ...(await queue.getWaiting())].filter((j) => j.name === SEND_DEFERRED_JOB);
  return jobs.map((j) => ({ id: j.id!, fireAt: new Date(j.timestamp + (j.opts.delay ?? 0)), data: j.data as unknown }));
}

async function runDeferredJob(job: { id: string; data: unknown }) {
  const definition = findJob(SEND_DEFERRED_JOB)!;
  return definition.handler(definition.schema.parse(job.data), { jobId: job.id, attempt: 1, logger: console as never });
}

describe("notifications deferred by quiet hours", () => {
  it("are re-armed from Postgres after Redis loses them and go out once, after the quiet hours", async () => {
    const deferred = await notifyCustomer({ event: "job_completed", organizationId: ORG_A, customerId: CUSTOMER, context: { jobId: "job-2", technicianName: "Carlos" } }, { now: NIGHT });
    expect(deferred).toMatchObject({ status: "deferred", until: MORNING });
    const key = deferred.status === "deferred" ? deferred.deferredJobId : "";
    expect(await adminDb().deferredNotification.findMany({ select: { key: true, sendAt: true, sentAt: true } })).toEqual([{ key, sendAt: MORNING, sentAt: null }]);

    // Redis loses everything at 23:00: the reconcile arms the same job again, still for 08:00.
    await redis.flushdb();
    expect(await deferredJobs()).toEqual([]);
    expect(await reconcileDeferredNotifications({ now: ba("2026-11-23T23:00:00") })).toEqual({ pending: 1, rearmed: 1, pruned: 0 });
    expect((await deferredJobs()).map((j) => [j.id, j.fireAt])).toEqual([[key, MORNING]]);
    expect(await reconcileDeferredNotifications({ now: ba("2026-11-23T23:01:00") })).toEqual({ pending: 1, rearmed: 0, pruned: 0 });
    expect(await sentTo(CUSTOMER)).toHaveLength(0);

    // And again overnight; Redis is back at 08:20, after the quiet hours: armed to run now.
    await redis.flushdb();
    const lateMorning = ba("2026-11-24T08:20:00");
    expect(await reconcileDeferredNotifications({ now: lateMorning })).toEqual({ pending: 1, rearmed: 1, pruned: 0 });
    const [job] = await deferredJobs();
    expect(job!.fireAt).toEqual(lateMorning);
    expect(await runDeferredJob(job!)).toMatchObject({ status: "sent" });
    const [message, ...more] = await sentTo(CUSTOMER);
    expect(more).toEqual([]);
    expect(message!.content).toMatchObject({ name: "job_completed" });
    expect(message!.delivery!.idempotencyKey).toBe("notification-job_completed-job-2");

    // The original job surviving somewhere (a Redis restored from an old AOF) sends nothing more, and a Redis that
    // loses everything again has nothing left to re-arm.
    expect(await runDeferredJob(job!)).toEqual({ status: "already_sent" });
    await redis.flushdb();
    expect(await reconcileDeferredNotifications({ now: ba("2026-11-24T08:30:00") })).toEqual({ pending: 0, rearmed: 0, pruned: 0 });
    expect(await sentTo(CUSTOMER)).toHaveLength(1);
  });

  it("a crash between the send and marking the row does not send twice", async () => {
    const deferred = await notifyCustomer({ event: "job_completed", organizationId: ORG_A, customerId: CUSTOMER, dedupeKey: "job-7-done", context: { jobId: "job-7", technicianName: "Carlos" } }, { now: NIGHT });
    const key = deferred.status === "deferred" ? deferred.deferredJobId : "";
    const [job] = await deferredJobs();
    expect(job!.id).toBe(key);
    await sendDeferredNotification(job!.data as never, { key, now: MORNING });
    // The worker died before marking it: the row says unsent, so the reconcile re-arms it and it runs again.
    await adminDb().deferredNotification.updateMany({ data: { sentAt: null } });
    await redis.flushdb();
    expect(await reconcileDeferredNotifications({ now: ba("2026-11-24T08:05:00") })).toEqual({ pending: 1, rearmed: 1, pruned: 0 });
    const [again] = await deferredJobs();
    expect(await runDeferredJob(again!)).toMatchObject({ status: "sent" });
    // The outbound engine's idempotency key holds: still one message.
    expect(await sentTo(CUSTOMER)).toHaveLength(1);
    expect((await adminDb().deferredNotification.findFirstOrThrow()).sentAt).not.toBeNull();
  });

  it("another organization's deferrals are re-armed too, a day-old one is no longer sent, a week-old one is pruned", async () => {
    await notifyCustomer({ event: "job_completed", organizationId: ORG_A, customerId: CUSTOMER, context: { jobId: "job-9" } }, { now: NIGHT });
    await notifyCustomer({ event: "job_completed", organizationId: "org-b", customerId: "org-b-c0", context: { jobId: "job-b" } }, { now: NIGHT });
    await redis.flushdb();
    expect(await reconcileDeferredNotifications({ now: ba("2026-11-23T23:00:00") })).toEqual({ pending: 2, rearmed: 2, pruned: 0 });
    await redis.flushdb();
    expect(await reconcileDeferredNotifications({ now: ba("2026-11-25T08:30:00") })).toEqual({ pending: 0, rearmed: 0, pruned: 0 });
    expect(await adminDb().deferredNotification.count()).toBe(2);
    // A week after their time the rows go.
    expect(await reconcileDeferredNotifications({ now: ba("2026-12-01T08:30:00") })).toEqual({ pending: 0, rearmed: 0, pruned: 2 });
    expect(await adminDb().deferredNotification.count()).toBe(0);
  });
});
