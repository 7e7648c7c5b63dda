import { Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis, createRedis } from "../../lib/redis";
import { findJob } from "../../workers/catalog";
import { processJob } from "../../workers/process-job";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { deliverMessage } from "../messaging/deliver-message";
import { clock, depsFor, ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { DEFAULT_TEMPLATES } from "../templates/default-templates";
import { cancelJobReminders } from "./cancel-job-reminders";
import { JOB_REMINDER_JOB, SEND_DEFERRED_JOB } from "./notifications-queue";
import { notifyCustomer } from "./notify-customer";
import { reminderSetKey } from "./reminder-registry";
import { runJobReminder } from "./run-job-reminder";
import { jobReminderPayloadSchema, scheduleJobReminders } from "./schedule-job-reminders";
import { verifyTrackingToken } from "./tracking-link";

let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const queue = () => getQueue("notifications");
// Buenos Aires is UTC-03:00 all year.
const ba = (iso: string) => new Date(`${iso}-03:00`);
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
    data: DEFAULT_TEMPLATES.map((t) => ({
      organizationId: ORG_A, name: t.name, language: "es_AR", category: t.category, status: "APPROVED" as const, components: [{ type: "BODY", text: t.body }],
    })),
  });
});

const messagesOf = (customerId: string) =>
  adminDb().whatsAppMessage.findMany({ where: { conversation: { customerId }, direction: "OUTBOUND" }, include: { delivery: true }, orderBy: { createdAt: "asc" } });

describe("customer notifications", () => {
  it("go through sendMessage as the event's template, labelled notification, with SMS fallback", async () => {
    const now = ba("2026-11-23T10:00:00");
    const result = await notifyCustomer(
      { event: "job_scheduled", organizationId: ORG_A, customerId: CUSTOMER, context: { jobId: "job-1", jobStart: ba("2026-11-24T10:30:00"), technicianName: "Carlos" } },
      { now },
    );
    expect(result.status).toBe("sent");
    const [message] = await messagesOf(CUSTOMER);
    expect(message!.type).toBe("TEMPLATE");
    expect(message!.content).toMatchObject({ type: "template", name: "job_scheduled", preview: "Hola Cliente, tu turno quedó agendado para el martes 24/11 a las 10:30. Técnico: Carlos." });
    expect(message!.delivery).toMatchObject({ purpose: "notification", smsFallback: true, idempotencyKey: `notification-job_scheduled-job-1-${ba("2026-11-24T10:30:00").getTime()}` });

    // And the delivery worker hands it to the provider as a template.
    const c = clock(now.getTime());
    await deliverMessage({ organizationId: ORG_A, messageId: message!.id }, depsFor(sandbox, redis, c.now));
    const [sent] = await sandbox.requests("meta", "/messages");
    expect(sent!.body).toMatchObject({ type: "template", template: { name: "job_scheduled", language: { code: "es_AR" } } });
  });

  it("technician on the way carries a signed tracking link", async () => {
    await notifyCustomer(
      { event: "technician_on_the_way", organizationId: ORG_A, customerId: CUSTOMER, context: { jobId: "job-7", technicianName: "Carlos" } },
      { now: ba("2026-11-23T10:00:00") },
    );
    const [message] = await messagesOf(CUSTOMER);
    const preview = (message!.content as { preview: string }).preview;
    const match = new RegExp(`${env.PUBLIC_BASE_URL}/seguimiento/(\\S+)$`).exec(preview);
    expect(match).not.toBeNull();
    expect(verifyTrackingToken(match![1]!)).toEqual({ organizationId: ORG_A, jobId: "job-7" });
    expect(verifyTrackingToken(`${match![1]!}x`)).toBeNull();
  });

  it("inside quiet hours become a delayed job that sends when the window ends; emergencies go at once", async () => {
    const now = ba("2026-11-23T22:30:00");
    const result = await notifyCustomer({ event: "job_completed", organizationId: ORG_A, customerId: CUSTOMER, context: { jobId: "job-2", technicianName: "Carlos" } }, { now });
    expect(result).toMatchObject({ status: "deferred", until: ba("2026-11-24T08:00:00") });
    expect(await messagesOf(CUSTOMER)).toHaveLength(0);
    const job = await queue().getJob(result.status === "deferred" ? result.deferredJobId : "");
    expect(job!.name).toBe(SEND_DEFERRED_JOB);
    expect(job!.opts.delay).toBe(9.5 * 3600_000);
    expect(job!.timestamp + job!.opts.delay!).toBe(ba("2026-11-24T08:00:00").getTime());
    expect(await job!.getState()).toBe("delayed");

    // The worker runs it when the window ends (handler run directly, payload as read back from Redis).
    const definition = findJob(SEND_DEFERRED_JOB)!;
    await definition.handler(definition.schema.parse(job!.data), { jobId: job!.id!, attempt: 1, logger: console as never });
    const [sent] = await messagesOf(CUSTOMER);
    expect(sent!.content).toMatchObject({ name: "job_completed", preview: "Hola Cliente, Carlos terminó el trabajo. ¡Gracias por elegirnos!" });

    const emergency = await notifyCustomer(
      { event: "technician_on_the_way", urgency: "EMERGENCY", organizationId: ORG_A, customerId: `${ORG_A}-c1`, context: { jobId: "job-3", technicianName: "Carlos" } },
      { now },
    );
    expect(emergency.status).toBe("sent");
    const [urgent] = await messagesOf(`${ORG_A}-c1`);
    expect(urgent!.delivery).toMatchObject({ purpose: "emergency", priority: "HIGH" });
  });

  it("dedupe job events by job and start, billing events only by the caller's key", async () => {
    const now = ba("2026-11-23T10:00:00");
    const scheduled = { event: "job_scheduled" as const, organizationId: ORG_A, customerId: CUSTOMER, context: { jobId: "job-4", jobStart: ba("2026-11-24T10:30:00"), technicianName: "Carlos" } };
    expect(await notifyCustomer(scheduled, { now })).toEqual(await notifyCustomer(scheduled, { now }));
    const paid = { event: "payment_confirmed" as const, organizationId: ORG_A, customerId: `${ORG_A}-c1`, context: { amountCents: 1_250_050 } };
    await notifyCustomer(paid, { now });
    await notifyCustomer(paid, { now });
    await notifyCustomer({ ...paid, dedupeKey: "payment-mp-1" }, { now });
    await notifyCustomer({ ...paid, dedupeKey: "payment-mp-1" }, { now });
    expect(await messagesOf(CUSTOMER)).toHaveLength(1);
    const payments = await messagesOf(`${ORG_A}-c1`);
    expect(payments).toHaveLength(3);
    expect(payments[0]!.content).toMatchObject({ preview: "¡Gracias Cliente! Recibimos tu pago de $ 12.500,50." });
  });

  it("respects the organization's own quiet hours", async () => {
    await adminDb().organization.update({ where: { id: ORG_A }, data: { settings: { notifications: { quietHours: { start: "19:00", end: "09:00" } } } } });
    const result = await notifyCustomer({ event: "payment_confirmed", organizationId: ORG_A, customerId: CUSTOMER, context: { amountCents: 4_500_000 } }, { now: ba("2026-11-23T19:30:00") });
    expect(result).toMatchObject({ status: "deferred", until: ba("2026-11-24T09:00:00") });
  });
});

describe("job reminders", () => {
  const T0 = ba("2026-11-23T09:00:00");
  const job = { id: "job-9", organizationId: ORG_A, customerId: CUSTOMER, scheduledStart: ba("2026-11-25T10:00:00"), technicianName: "Carlos", urgency: "NORMAL" as const, status: "scheduled" };

  async function reminderJobs() {
    const jobs = await queue().getDelayed();
    return jobs.filter((j) => j.name === JOB_REMINDER_JOB).map((j) => ({ id: j.id!, fireAt: j.timestamp + j.opts.delay!, delay: j.opts.delay!, data: j.data as unknown }));
  }

  it("are delayed jobs 24 h, 1 h and 30 min before the start; they move on reschedule and vanish on cancel", async () => {
    await scheduleJobReminders({ job }, { now: T0, redis });
    let jobs = await reminderJobs();
    expect(jobs.map((j) => [j.id, j.delay]).sort()).toEqual([
      [`reminder-job-9-1h-${job.scheduledStart.getTime()}`, job.scheduledStart.getTime() - 3600_000 - T0.getTime()],
      [`reminder-job-9-24h-${job.scheduledStart.getTime()}`, job.scheduledStart.getTime() - 24 * 3600_000 - T0.getTime()],
      [`reminder-job-9-30m-${job.scheduledStart.getTime()}`, job.scheduledStart.getTime() - 1800_000 - T0.getTime()],
    ]);
    const oldPayloads = jobs.map((j) => jobReminderPayloadSchema.parse(j.data));

    // Reschedule to 14:00 the same day: three new reminders, the old ones gone from Redis.
    const moved = { ...job, scheduledStart: ba("2026-11-25T14:00:00") };
    await scheduleJobReminders({ job: moved }, { now: T0, redis });
    jobs = await reminderJobs();
    expect(jobs).toHaveLength(3);
    expect(jobs.every((j) => j.id.endsWith(`-${moved.scheduledStart.getTime()}`))).toBe(true);
    expect(jobs.map((j) => j.fireAt).sort()).toEqual([ba("2026-11-24T14:00:00"), ba("2026-11-25T13:00:00"), ba("2026-11-25T13:30:00")].map((d) => d.getTime()));
    // An old reminder that had already been picked up stays silent.
    expect(await runJobReminder(oldPayloads[0]!, { now: T0, redis })).toEqual({ status: "stale" });

    const { removed } = await cancelJobReminders(job.id, { redis });
    expect(removed).toBe(3);
    expect(await reminderJobs()).toHaveLength(0);
    expect(await redis.exists(reminderSetKey(job.id))).toBe(0);
    expect(await messagesOf(CUSTOMER)).toHaveLength(0);
  });

  it("skips offsets already past and sends each reminder once at its time", async () => {
    const c = clock(ba("2026-11-25T09:10:00").getTime()); // 50 minutes before the start: only the 30-minute one
    await scheduleJobReminders({ job }, { now: new Date(c.now()), redis });
    const [reminder] = await reminderJobs();
    expect(reminder!.id).toBe(`reminder-job-9-30m-${job.scheduledStart.getTime()}`);
    expect(reminder!.delay).toBe(20 * 60_000);

    c.set(reminder!.fireAt);
    const payload = jobReminderPayloadSchema.parse(reminder!.data);
    const first = await runJobReminder(payload, { now: new Date(c.now()), redis, currentScheduledStart: async () => job.scheduledStart });
    expect(first.status).toBe("sent");
    // A duplicate run (retry, or a second copy) finds the reminder no longer current; even if it were, the
    // idempotency key on sendMessage returns the same message.
    expect(await runJobReminder(payload, { now: new Date(c.now()), redis })).toEqual({ status: "stale" });
    const messages = await messagesOf(CUSTOMER);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toMatchObject({ name: "job_reminder", preview: "Hola Cliente, te recordamos tu turno del miércoles 25/11 a las 10:00. Técnico: Carlos." });
    expect(messages[0]!.delivery!.idempotencyKey).toBe(`notification-${reminder!.id}`);
  });

  it("does not send when the job's current start no longer matches the payload", async () => {
    await scheduleJobReminders({ job }, { now: T0, redis });
    const [reminder] = await reminderJobs();
    const payload = jobReminderPayloadSchema.parse(reminder!.data);
    expect(await runJobReminder(payload, { now: T0, redis, currentScheduledStart: async () => ba("2026-11-26T10:00:00") })).toEqual({ status: "stale" });
    expect(await messagesOf(CUSTOMER)).toHaveLength(0);
  });
});

describe("through a real Worker", () => {
  it("a reminder due in a second is taken from the notifications queue and sent once", async () => {
    const scheduledStart = new Date(Date.now() + 30 * 60_000 + 800);
    const job = { id: "job-smoke", organizationId: ORG_A, customerId: CUSTOMER, scheduledStart, technicianName: "Carlos", status: "scheduled" };
    // The worker's handler re-reads the job, so it must exist and still be scheduled at that start.
    await adminDb().job.create({
      data: { id: job.id, organizationId: ORG_A, number: 1, customerId: CUSTOMER, address: "Av. Rivadavia 5000", serviceType: "GAS", description: "Calefón", status: "scheduled", scheduledStart, scheduledEnd: new Date(scheduledStart.getTime() + 3600_000) },
    });
    const { scheduled } = await scheduleJobReminders({ job }, { redis });
    expect(scheduled.map((s) => s.id)).toEqual([`reminder-job-smoke-30m-${scheduledStart.getTime()}`]);
    const worker = new Worker("notifications", processJob, { connection: createRedis("worker"), prefix: env.QUEUE_PREFIX });
    try {
      const until = Date.now() + 15_000;
      while ((await messagesOf(CUSTOMER)).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      const messages = await messagesOf(CUSTOMER);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.content).toMatchObject({ name: "job_reminder" });
      expect(await redis.exists(reminderSetKey("job-smoke"))).toBe(0);
    } finally {
      await worker.close();
    }
  });
});
