// Test-only helpers for the alerts tests (not exported from the module's index).
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { closeEmailTransports } from "../../integrations/smtp/send-email";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis } from "../../lib/redis";
import { closeQueues } from "../../workers/queue-registry";
import { ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { ALERT_RULES } from "./alert-rules";
import { evaluateAlerts, type AlertsEvaluation } from "./evaluate-alerts";

export const OWNER_EMAIL = "duena@delsur.test";
export const OPS_EMAIL = "guardia@campotech.test";
export const MINUTE = 60_000;
// Buenos Aires local time (UTC-03:00): daytime, so quiet hours never defer a notice.
export const ba = (iso: string) => new Date(`${iso}-03:00`);

// A sandbox for the file; before each test two organizations (outbound-test-kit) and ORG_A's owner.
export function useAlertsSandbox(): { sandbox: () => TestSandbox } {
  let sandbox: TestSandbox;
  const redis = new Redis(env.REDIS_URL);
  beforeAll(async () => {
    sandbox = await startTestSandbox();
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
    await seedOwner();
  });
  return { sandbox: () => sandbox };
}

// ORG_A's owner (reachable by email and WhatsApp) and its approved staff_alert template.
async function seedOwner(): Promise<void> {
  const admin = adminDb();
  await admin.user.create({ data: { id: "u-duena", organizationId: ORG_A, phone: "+5491150000009", name: "Dueña", email: OWNER_EMAIL, role: "OWNER" } });
  await admin.waTemplate.create({
    data: { organizationId: ORG_A, name: "staff_alert", language: "es_AR", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "CampoTech · {{1}}: {{2}}" }] },
  });
}

export function evaluator(sandbox: TestSandbox, kind: string) {
  return (now: Date): Promise<AlertsEvaluation> =>
    evaluateAlerts({
      now,
      rules: ALERT_RULES.filter((r) => r.kind === kind),
      smtp: { host: "127.0.0.1", port: sandbox.smtpPort, from: "CampoTech <no-reply@campotech.local>" },
      platformEmails: [OPS_EMAIL],
      platformOrganizationId: null,
    });
}

type Email = { to: string[]; subject: string; raw: string };

// Emails the sandbox caught, per recipient: [fired notices, resolved notices].
export async function noticeCounts(sandbox: TestSandbox, to: string): Promise<[number, number]> {
  const emails = ((await sandbox.control("GET", "/_sandbox/emails")) as Email[]).filter((e) => e.to.includes(to));
  return [emails.filter((e) => /Alerta: /.test(e.subject)).length, emails.filter((e) => /Se normalizó: /.test(e.subject)).length];
}

// The whole life of one alert on a controllable clock: fires once and tells each recipient once; keeps firing a
// minute later without a second notice; clears and tells each recipient once; fires again as a new alert.
export async function expectAlertLifecycle(
  sandbox: TestSandbox,
  kind: string,
  steps: { t0: Date; fire: () => Promise<unknown>; clear: () => Promise<Date>; refire: () => Promise<Date>; recipients: string[] },
) {
  const evaluate = evaluator(sandbox, kind);
  await steps.fire();
  const first = await evaluate(steps.t0);
  expect(first.failedRules).toEqual([]);
  expect(first.fired).toHaveLength(1);
  const [alert] = first.fired;
  expect(alert).toMatchObject({ kind, status: "OPEN", firstFiredAt: steps.t0, notifiedAt: null });
  for (const to of steps.recipients) expect(await noticeCounts(sandbox, to), to).toEqual([1, 0]);

  const again = await evaluate(new Date(steps.t0.getTime() + MINUTE));
  expect(again.fired).toEqual([]);
  const open = await adminDb().alert.findMany({ where: { kind } });
  expect(open).toHaveLength(1);
  expect(open[0]).toMatchObject({ id: alert!.id, status: "OPEN", notifiedAt: steps.t0, lastSeenAt: new Date(steps.t0.getTime() + MINUTE) });
  for (const to of steps.recipients) expect(await noticeCounts(sandbox, to), to).toEqual([1, 0]);

  const t1 = await steps.clear();
  const cleared = await evaluate(t1);
  expect(cleared.resolved.map((a) => a.id)).toEqual([alert!.id]);
  expect(await adminDb().alert.findUniqueOrThrow({ where: { id: alert!.id } })).toMatchObject({ status: "RESOLVED", resolvedAt: t1, resolvedNotifiedAt: t1, openKey: null });
  await evaluate(new Date(t1.getTime() + MINUTE));
  for (const to of steps.recipients) expect(await noticeCounts(sandbox, to), to).toEqual([1, 1]);

  const t2 = await steps.refire();
  const refired = await evaluate(t2);
  expect(refired.fired).toHaveLength(1);
  expect(refired.fired[0]!.id).not.toBe(alert!.id);
  expect(refired.fired[0]!.dedupeKey).toBe(alert!.dedupeKey);
  expect(await adminDb().alert.count({ where: { dedupeKey: alert!.dedupeKey } })).toBe(2);
  for (const to of steps.recipients) expect(await noticeCounts(sandbox, to), to).toEqual([2, 1]);
  return { alert: alert!, refired: refired.fired[0]! };
}
