import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis, sharedRedis, whenRedisReady } from "../../lib/redis";
import { findJob } from "../../workers/catalog";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { createJob } from "../jobs/create-job";
import type { JobActor } from "../jobs/job-actor";
import { transitionJob } from "../jobs/transition-job";
import { updateJob } from "../jobs/update-job";
import { ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { DEFAULT_TEMPLATES } from "../templates/default-templates";
import { enqueueJobChanges } from "./enqueue-job-changes";
import { handleJobChange as handle } from "./handle-job-change";
import type { JobChange } from "./job-change.schemas";
import { JOB_CHANGED_JOB, JOB_REMINDER_JOB } from "./notifications-queue";
import { reminderSetKey } from "./reminder-registry";

// The job rules end to end: a transition or an edit commits, its change is enqueued, and the handler (run as the
// worker would, with a fixed clock) confirms to the customer, arms or moves reminders and tells the technician.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const ba = (iso: string) => new Date(`${iso}-03:00`);
const NOW = ba("2026-11-23T10:00:00");
const CUSTOMER = `${ORG_A}-c0`;
const OFFICE: JobActor = { organizationId: ORG_A, userId: "u-owner", role: "OWNER" };
const TECH: JobActor = { organizationId: ORG_A, userId: "u-tech", role: "TECHNICIAN" };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await whenRedisReady(sharedRedis());
});
afterAll(async () => {
  await sandbox.close();
  await closeQueues();
  await closeSharedRedis();
  await redis.quit();
});
beforeEach(async () => {
  await seedOrganizations(sandbox, redis);
  const admin = adminDb();
  await admin.waTemplate.createMany({
    data: DEFAULT_TEMPLATES.map((t) => ({ organizationId: ORG_A, name: t.name, language: "es_AR", category: t.category, status: "APPROVED" as const, components: [{ type: "BODY", text: t.body }] })),
  });
  await admin.user.createMany({
    data: [
      { id: "u-owner", organizationId: ORG_A, phone: "+5491150000001", name: "Olga Dueña", role: "OWNER" },
      { id: "u-tech", organizationId: ORG_A, phone: "+5491150000002", name: "Carlos Pérez", role: "TECHNICIAN" },
      { id: "u-tech2", organizationId: ORG_A, phone: "+5491150000003", name: "Diego Ruiz", role: "TECHNICIAN" },
    ],
  });
  await admin.organization.update({
    where: { id: ORG_A },
    data: { settings: { notifications: { staff: { "u-tech": { channels: ["push"], pushTokens: ["ExponentPushToken[carlos]"] }, "u-tech2": { channels: ["push"], pushTokens: ["ExponentPushToken[diego]"] } } } } },
  });
});

const customerMessages = () =>
  adminDb().whatsAppMessage.findMany({ where: { conversation: { customerId: CUSTOMER }, direction: "OUTBOUND" }, orderBy: { createdAt: "asc" }, select: { content: true } });
const previews = async () => (await customerMessages()).map((m) => (m.content as { preview: string }).preview);
const pushes = async () => (await sandbox.control("GET", "/_sandbox/push")) as { to: string; title: string; body: string }[];
async function reminders() {
  const jobs = await getQueue("notifications").getDelayed();
  return jobs.filter((j) => j.name === JOB_REMINDER_JOB).map((j) => new Date(j.timestamp + j.opts.delay!).toISOString()).sort();
}

// Staff pushes go to this file's sandbox (the worker uses env's Expo URL).
const handleJobChange = (change: JobChange, deps: { now: Date }) => handle(change, { ...deps, expoPushUrl: `${sandbox.url}/expo/push/send` });

async function newJob() {
  const { job } = await withTenant(ORG_A, (tx) => createJob(tx, OFFICE, { customerId: CUSTOMER, address: "Av. Rivadavia 5000", serviceType: "GAS", description: "Revisar calefón" }));
  return job;
}

async function schedule(jobId: string, start: Date, technicianId = "u-tech") {
  return withTenant(ORG_A, (tx) => transitionJob(tx, OFFICE, jobId, { to: "scheduled", scheduledStart: start, scheduledEnd: new Date(start.getTime() + 2 * 3600_000), technicianId }));
}

describe("job changes", () => {
  it("scheduling confirms to the customer, arms the three reminders and tells the technician", async () => {
    const job = await newJob();
    const { changes } = await schedule(job.id, ba("2026-11-25T10:00:00"));
    expect(changes).toEqual([expect.objectContaining({ kind: "status", from: "pending", to: "scheduled", jobId: job.id })]);

    const effects = await handleJobChange(changes[0]!, { now: NOW });
    expect(effects.map((e) => [e.effect, e.status])).toEqual([["reminders", "done"], ["customer_scheduled", "done"], ["technician_assigned", "done"]]);
    expect(await previews()).toEqual(["Hola Cliente, tu turno quedó agendado para el miércoles 25/11 a las 10:00. Técnico: Carlos Pérez."]);
    expect(await reminders()).toEqual([ba("2026-11-24T10:00:00"), ba("2026-11-25T09:00:00"), ba("2026-11-25T09:30:00")].map((d) => d.toISOString()));
    expect(await pushes()).toEqual([expect.objectContaining({ to: "ExponentPushToken[carlos]", title: `Trabajo #${job.number} agendado`, body: `Tenés el trabajo #${job.number} el miércoles 25/11 a las 10:00.` })]);

    // The same change delivered twice (a retried request, a redelivered job) sends nothing new to the customer.
    await handleJobChange(changes[0]!, { now: NOW });
    expect(await customerMessages()).toHaveLength(1);
    expect(await reminders()).toHaveLength(3);
  });

  it("moving the job moves its reminders and tells the customer the new time; a new technician hears about it", async () => {
    const job = await newJob();
    await handleJobChange((await schedule(job.id, ba("2026-11-25T10:00:00"))).changes[0]!, { now: NOW });

    const moved = await withTenant(ORG_A, (tx) => updateJob(tx, OFFICE, job.id, { scheduledStart: ba("2026-11-26T15:00:00"), scheduledEnd: ba("2026-11-26T17:00:00") }));
    expect(moved.changes).toEqual([expect.objectContaining({ kind: "rescheduled" })]);
    await handleJobChange(moved.changes[0]!, { now: NOW });
    expect(await reminders()).toEqual([ba("2026-11-25T15:00:00"), ba("2026-11-26T14:00:00"), ba("2026-11-26T14:30:00")].map((d) => d.toISOString()));
    expect((await previews())[1]).toBe("Hola Cliente, tu turno quedó agendado para el jueves 26/11 a las 15:00. Técnico: Carlos Pérez.");

    const swapped = await withTenant(ORG_A, (tx) => updateJob(tx, OFFICE, job.id, { technicianId: "u-tech2" }));
    expect(swapped.changes).toEqual([expect.objectContaining({ kind: "reassigned" })]);
    await handleJobChange(swapped.changes[0]!, { now: NOW });
    expect(await customerMessages()).toHaveLength(2); // the customer's appointment did not change
    expect((await pushes()).map((p) => p.to)).toContain("ExponentPushToken[diego]");

    // Editing only the description owes nobody a message.
    expect((await withTenant(ORG_A, (tx) => updateJob(tx, OFFICE, job.id, { description: "Calefón y flexible" }))).changes).toEqual([]);
  });

  it("on the way sends the tracking link and drops the reminders; completing thanks the customer", async () => {
    const job = await newJob();
    await handleJobChange((await schedule(job.id, ba("2026-11-23T12:00:00"))).changes[0]!, { now: NOW });
    expect(await reminders()).toHaveLength(2); // 24 h before is already past

    const onTheWay = await withTenant(ORG_A, (tx) => transitionJob(tx, TECH, job.id, { to: "en_camino" }));
    await handleJobChange(onTheWay.changes[0]!, { now: NOW });
    expect(await reminders()).toEqual([]);
    expect(await redis.exists(reminderSetKey(job.id))).toBe(0);
    expect((await previews())[1]).toMatch(new RegExp(`^Hola Cliente, Carlos Pérez ya está en camino\\. Seguí su llegada acá: ${env.PUBLIC_BASE_URL}/seguimiento/\\S+$`));

    await withTenant(ORG_A, (tx) => transitionJob(tx, TECH, job.id, { to: "working" }));
    const done = await withTenant(ORG_A, (tx) => transitionJob(tx, TECH, job.id, { to: "completed" }));
    await handleJobChange(done.changes[0]!, { now: NOW });
    expect((await previews())[2]).toBe("Hola Cliente, Carlos Pérez terminó el trabajo. ¡Gracias por elegirnos!");
  });

  it("cancelling removes the reminders and tells the technician; a change overtaken by a later one does nothing", async () => {
    const job = await newJob();
    const scheduled = await schedule(job.id, ba("2026-11-25T10:00:00"));
    const cancelled = await withTenant(ORG_A, (tx) => transitionJob(tx, OFFICE, job.id, { to: "cancelled", note: "El cliente lo resolvió" }));
    // The scheduling change runs late, after the cancel: no confirmation, no reminders.
    const late = await handleJobChange(scheduled.changes[0]!, { now: NOW });
    expect(late.at(-1)).toMatchObject({ status: "skipped", detail: "el trabajo ya está cancelled" });
    await handleJobChange(cancelled.changes[0]!, { now: NOW });
    expect(await customerMessages()).toHaveLength(0);
    expect(await reminders()).toEqual([]);
    expect(await pushes()).toEqual([expect.objectContaining({ to: "ExponentPushToken[carlos]", title: `Trabajo #${job.number} cancelado` })]);
  });

  it("changes travel through the notifications queue under one job id per change", async () => {
    const job = await newJob();
    const { changes } = await schedule(job.id, ba("2026-11-25T10:00:00"));
    await enqueueJobChanges(changes);
    await enqueueJobChanges(changes);
    const queued = (await getQueue("notifications").getWaiting()).filter((j) => j.name === JOB_CHANGED_JOB);
    expect(queued).toHaveLength(1);
    const definition = findJob(JOB_CHANGED_JOB)!;
    expect(definition.schema.parse(queued[0]!.data)).toEqual(changes[0]);
  });

  it("a reminder whose job was cancelled without removing it stays silent (the worker reads the job's real state)", async () => {
    const job = await newJob();
    await handleJobChange((await schedule(job.id, ba("2026-11-25T10:00:00"))).changes[0]!, { now: NOW });
    const [reminder] = (await getQueue("notifications").getDelayed()).filter((j) => j.name === JOB_REMINDER_JOB);
    await adminDb().job.update({ where: { id: job.id }, data: { status: "cancelled" } });
    const definition = findJob(JOB_REMINDER_JOB)!;
    const result = await definition.handler(definition.schema.parse(reminder!.data), { jobId: reminder!.id!, attempt: 1, logger: console as never });
    expect(result).toEqual({ status: "stale" });
    expect(await customerMessages()).toHaveLength(1); // only the confirmation
  });
});
