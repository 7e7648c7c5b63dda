import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeEmailTransports } from "../../integrations/smtp/send-email";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis } from "../../lib/redis";
import { findJob } from "../../workers/catalog";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { SEND_DEFERRED_JOB } from "./notifications-queue";
import { notifyStaff, type NotifyStaffDeps } from "./notify-staff";

let sandbox: TestSandbox;
let deps: NotifyStaffDeps;
const redis = new Redis(env.REDIS_URL);
const ba = (iso: string) => new Date(`${iso}-03:00`);
const DAY = ba("2026-11-23T11:00:00");
const NIGHT = ba("2026-11-23T23:00:00");

beforeAll(async () => {
  sandbox = await startTestSandbox();
  deps = { smtp: { host: "127.0.0.1", port: sandbox.smtpPort, from: "CampoTech <no-reply@campotech.local>" }, expoPushUrl: `${sandbox.url}/expo/push/send` };
});
afterAll(async () => {
  closeEmailTransports();
  await sandbox.close();
  await closeQueues();
  await closeSharedRedis();
  await redis.quit();
});
beforeEach(async () => {
  await seedOrganizations(sandbox, redis);
  const admin = adminDb();
  await admin.user.createMany({
    data: [
      { id: "u-ana", organizationId: ORG_A, phone: "+5491150000001", name: "Ana Dispatcher", email: "ana@delsur.test", role: "DISPATCHER" },
      { id: "u-carlos", organizationId: ORG_A, phone: "+5491150000002", name: "Carlos Técnico", role: "TECHNICIAN" },
    ],
  });
  await admin.organization.update({
    where: { id: ORG_A },
    data: {
      settings: {
        notifications: {
          staff: {
            "u-ana": { channels: ["email", "push"], pushTokens: ["ExponentPushToken[ana-phone]"] },
            "u-carlos": { channels: ["push"], pushTokens: ["ExponentPushToken[carlos-phone]"], quietHours: { start: "22:00", end: "06:00" } },
          },
        },
      },
    },
  });
});

const message = { title: "Urgencia: pérdida de gas", body: "Cliente en Caballito, Av. Rivadavia 5000.", data: { jobId: "job-1" } };

describe("notifyStaff", () => {
  it("delivers email to the SMTP catcher and push in Expo's format, by each user's preference", async () => {
    const out = await notifyStaff({ organizationId: ORG_A, userIds: ["u-ana", "u-carlos"], message, urgency: "HIGH" }, { ...deps, now: DAY });
    expect(out.map((d) => [d.userId, "channel" in d ? d.channel : null, d.status])).toEqual([
      ["u-ana", "email", "sent"], ["u-ana", "push", "sent"], ["u-carlos", "push", "sent"],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));

    const emails = (await sandbox.control("GET", "/_sandbox/emails")) as { to: string[]; from: string; subject: string; raw: string }[];
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: ["ana@delsur.test"], from: "no-reply@campotech.local", subject: "Urgencia: pérdida de gas" });

    const pushes = (await sandbox.control("GET", "/_sandbox/push")) as Record<string, unknown>[];
    expect(pushes.map((p) => p.to).sort()).toEqual(["ExponentPushToken[ana-phone]", "ExponentPushToken[carlos-phone]"]);
    expect(pushes[0]).toMatchObject({ title: message.title, body: message.body, data: { jobId: "job-1" }, sound: "default", priority: "high", status: "ok" });
  });

  it("waits for each user's quiet hours to end; emergencies go through", async () => {
    const out = await notifyStaff({ organizationId: ORG_A, userIds: ["u-carlos"], message, urgency: "NORMAL", dedupeKey: "job-1-new" }, { ...deps, now: NIGHT });
    expect(out).toEqual([expect.objectContaining({ userId: "u-carlos", status: "deferred", until: ba("2026-11-24T06:00:00") })]);
    const job = await getQueue("notifications").getJob((out[0] as { deferredJobId: string }).deferredJobId);
    expect(job!.timestamp + job!.opts.delay!).toBe(ba("2026-11-24T06:00:00").getTime());
    expect(await sandbox.control("GET", "/_sandbox/push")).toEqual([]);

    const definition = findJob(SEND_DEFERRED_JOB)!;
    // The worker's handler uses env's Expo URL; run the deferred payload with the test sandbox's instead.
    const payload = definition.schema.parse(job!.data) as { kind: "staff"; input: Parameters<typeof notifyStaff>[0] };
    await notifyStaff(payload.input, { ...deps, deferred: true });
    expect(await sandbox.control("GET", "/_sandbox/push")).toHaveLength(1);

    // An emergency goes out on every channel the user can be reached on, whatever they chose: Carlos has no email,
    // and this organization has no approved staff_alert template yet (WhatsApp is refused, the others still go).
    const urgent = await notifyStaff({ organizationId: ORG_A, userIds: ["u-carlos"], message, urgency: "EMERGENCY" }, { ...deps, now: NIGHT });
    expect(urgent).toEqual([
      expect.objectContaining({ channel: "push", status: "sent" }),
      expect.objectContaining({ channel: "email", status: "skipped", reason: "sin email" }),
      expect.objectContaining({ channel: "whatsapp", status: "failed", reason: expect.stringContaining("staff_alert") }),
    ]);
  });

  it("reaches staff on WhatsApp through the outbound engine as the staff_alert template, once per key", async () => {
    await adminDb().waTemplate.create({
      data: { organizationId: ORG_A, name: "staff_alert", language: "es_AR", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "CampoTech · {{1}}: {{2}}" }] },
    });
    const settings = { notifications: { staff: { "u-ana": { channels: ["whatsapp"] } } } };
    await adminDb().organization.update({ where: { id: ORG_A }, data: { settings } });
    const multiline = { ...message, body: "Cliente en Caballito.\n\nAv. Rivadavia 5000." };
    const first = await notifyStaff({ organizationId: ORG_A, userIds: ["u-ana"], message: multiline, urgency: "HIGH", dedupeKey: "gas-1" }, { ...deps, now: DAY });
    const again = await notifyStaff({ organizationId: ORG_A, userIds: ["u-ana"], message: multiline, urgency: "HIGH", dedupeKey: "gas-1" }, { ...deps, now: DAY });
    expect(first).toEqual([expect.objectContaining({ channel: "whatsapp", status: "sent" })]);
    expect(again).toEqual(first);
    const recipient = await adminDb().customer.findFirstOrThrow({ where: { staffUserId: "u-ana" } });
    expect(recipient).toMatchObject({ waId: "5491150000001", phone: null });
    const messages = await adminDb().whatsAppMessage.findMany({ where: { conversation: { customerId: recipient.id } }, include: { delivery: true } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toMatchObject({ name: "staff_alert", preview: "CampoTech · Urgencia: pérdida de gas: Cliente en Caballito. Av. Rivadavia 5000." });
    expect(messages[0]!.delivery).toMatchObject({ purpose: "notification", priority: "HIGH" });
  });
});
