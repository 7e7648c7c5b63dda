import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis } from "../../lib/redis";
import { findJob } from "../../workers/catalog";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { JOB_REMINDER_JOB } from "../notifications/notifications-queue";
import { runJobReminder } from "../notifications/run-job-reminder";
import { jobReminderPayloadSchema } from "../notifications/schedule-job-reminders";
import { DEFAULT_TEMPLATES } from "../templates/default-templates";
import { reconcileJobReminders } from "./reconcile-job-reminders";
import { reconcileTurns } from "./reconcile-turns";

// "Redis lost its data" is redis.flushdb() on the test's own database: exactly what a restart without persistence
// leaves behind. Postgres keeps the truth; the reconcile must re-arm from it, miss nothing and double nothing.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const ba = (iso: string) => new Date(`${iso}-03:00`);
const T0 = ba("2026-11-23T09:00:00");
const START = ba("2026-11-23T12:00:00");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

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
  await adminDb().user.create({ data: { id: "tech-1", organizationId: ORG_A, phone: "+5491170000001", name: "Carlos", role: "TECHNICIAN" } });
  await adminDb().job.create({
    data: { id: "job-r", organizationId: ORG_A, number: 1, customerId: `${ORG_A}-c0`, address: "Av. Siempreviva 742", serviceType: "PLUMBING", description: "Pérdida", status: "scheduled", scheduledStart: START, technicianId: "tech-1", updatedAt: ba("2026-11-21T18:00:00") },
  });
});

async function reminders() {
  const jobs = [...(await getQueue("notifications").getDelayed()), ...(await getQueue("notifications").getWaiting())];
  return jobs.filter((j) => j.name === JOB_REMINDER_JOB).map((j) => ({ id: j.id!, fireAt: new Date(j.timestamp + (j.opts.delay ?? 0)), data: j.data as unknown })).sort((a, b) => a.id.localeCompare(b.id));
}

describe("reconciling job reminders from Postgres", () => {
  it("re-arms the reminders Redis lost, once; a reminder missed meanwhile goes out late exactly once", async () => {
    // Three hours before the visit, nothing in Redis: the 1 h and 30 min reminders are armed (the 24 h one is long past).
    expect(await reconcileJobReminders({ now: T0, redis })).toMatchObject({ jobs: 1, rearmed: 2, caughtUp: 0 });
    expect((await reminders()).map((r) => [r.id, r.fireAt.toISOString()])).toEqual([
      [`reminder-job-r-1h-${START.getTime()}`, ba("2026-11-23T11:00:00").toISOString()],
      [`reminder-job-r-30m-${START.getTime()}`, ba("2026-11-23T11:30:00").toISOString()],
    ]);
    expect(await reconcileJobReminders({ now: minutes(1), redis })).toMatchObject({ rearmed: 0, caughtUp: 0 });

    // Redis loses everything; it comes back at 11:10, after the 1 h reminder's time.
    await redis.flushdb();
    expect(await reconcileJobReminders({ now: ba("2026-11-23T11:10:00"), redis })).toMatchObject({ rearmed: 1, caughtUp: 1 });
    const [late, thirty] = await reminders();
    expect(late!.id).toBe(`reminder-job-r-1h-${START.getTime()}`);
    expect(late!.fireAt).toEqual(ba("2026-11-23T11:10:00"));
    expect(thirty!.fireAt).toEqual(ba("2026-11-23T11:30:00"));

    // The late one is sent; then Redis loses everything again: it is not sent a second time.
    const sent = await runJobReminder(jobReminderPayloadSchema.parse(late!.data), { now: ba("2026-11-23T11:10:00"), redis });
    expect(sent.status).toBe("sent");
    await redis.flushdb();
    expect(await reconcileJobReminders({ now: ba("2026-11-23T11:15:00"), redis })).toMatchObject({ rearmed: 1, caughtUp: 0 });
    const messages = await adminDb().outboundDelivery.findMany({ where: { organizationId: ORG_A, purpose: "notification" } });
    expect(messages.map((m) => m.idempotencyKey)).toEqual([`notification-reminder-job-r-1h-${START.getTime()}`]);
  });

  it("does not catch up a reminder whose time had passed when the visit was booked (none was owed)", async () => {
    // Booked at 11:20 for 12:00: scheduling skipped the 1 h reminder (11:00) and armed the 30 min one (11:30).
    await adminDb().job.update({ where: { id: "job-r" }, data: { updatedAt: ba("2026-11-23T11:20:00") } });
    await redis.flushdb();
    expect(await reconcileJobReminders({ now: ba("2026-11-23T11:25:00"), redis })).toMatchObject({ jobs: 1, rearmed: 1, caughtUp: 0 });
    expect((await reminders()).map((r) => r.id)).toEqual([`reminder-job-r-30m-${START.getTime()}`]);
  });

  it("leaves cancelled, unassigned and far-away visits alone, and sends nothing hours late", async () => {
    await adminDb().job.create({ data: { id: "job-c", organizationId: ORG_A, number: 2, customerId: `${ORG_A}-c1`, address: "x", serviceType: "PLUMBING", description: "x", status: "cancelled", scheduledStart: START, technicianId: "tech-1" } });
    await adminDb().job.create({ data: { id: "job-u", organizationId: ORG_A, number: 3, customerId: `${ORG_A}-c1`, address: "x", serviceType: "PLUMBING", description: "x", status: "scheduled", scheduledStart: START } });
    await adminDb().job.create({ data: { id: "job-f", organizationId: ORG_A, number: 4, customerId: `${ORG_A}-c1`, address: "x", serviceType: "PLUMBING", description: "x", status: "scheduled", scheduledStart: ba("2026-11-25T12:00:00"), technicianId: "tech-1" } });
    // 23 h before job-r: only its 24 h reminder's time has passed — 1 h ago, still within the catch-up window.
    expect(await reconcileJobReminders({ now: ba("2026-11-22T13:00:00"), redis })).toMatchObject({ jobs: 1, rearmed: 2, caughtUp: 1 });
    await redis.flushdb();
    // 5 h after the 24 h reminder's time: too late to send it.
    expect(await reconcileJobReminders({ now: ba("2026-11-22T17:00:00"), redis })).toMatchObject({ jobs: 1, rearmed: 2, caughtUp: 0 });
  });
});

describe("reconciling aggregation windows", () => {
  const inbound = (id: string, createdAt: Date, type: "TEXT" | "REACTION" = "TEXT", conversation = `${ORG_A}-conv0`) =>
    adminDb().whatsAppMessage.create({
      data: { id, organizationId: ORG_A, conversationId: conversation, accountId: `${ORG_A}-wa`, direction: "INBOUND", type, content: { text: "hola" }, status: "DELIVERED", createdAt },
    });

  it("offers the turn job again for the latest pending message whose window passed, and only when Redis lost it", async () => {
    const now = new Date();
    await inbound("m-old", new Date(now.getTime() - 5 * 60_000));
    await inbound("m-latest", new Date(now.getTime() - 4 * 60_000));
    await inbound("m-fresh", new Date(now.getTime() - 5_000), "TEXT", `${ORG_A}-conv1`); // still inside its window
    await inbound("m-react", new Date(now.getTime() - 5 * 60_000), "REACTION", `${ORG_A}-conv2`);
    await inbound("m-yesterday", new Date(now.getTime() - 30 * 3600_000), "TEXT", `${ORG_A}-conv2`);

    expect(await reconcileTurns({ now, windowMs: 8_000 })).toEqual({ conversations: 1, rearmed: 1 });
    const job = await getQueue("conversations").getJob("turn-m-latest");
    expect(job?.data).toEqual({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, triggerMessageId: "m-latest" });
    // The job is there now: nothing to re-arm.
    expect(await reconcileTurns({ now, windowMs: 8_000 })).toEqual({ conversations: 1, rearmed: 0 });

    // Running it closes one turn with both pending messages; then there is nothing pending to reconcile.
    await findJob("conversation.close-turn")!.handler(job!.data, { jobId: job!.id!, attempt: 1, logger: console as never });
    const turned = await adminDb().whatsAppMessage.findMany({ where: { id: { in: ["m-old", "m-latest"] } }, select: { turnId: true } });
    expect(new Set(turned.map((m) => m.turnId)).size).toBe(1);
    expect(turned[0]!.turnId).not.toBeNull();
    await redis.flushdb();
    expect(await reconcileTurns({ now, windowMs: 8_000 })).toEqual({ conversations: 0, rearmed: 0 });
  });
});
