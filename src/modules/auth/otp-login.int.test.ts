import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { clock, depsFor, drain, ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { verifyAccessToken } from "./access-token";
import { getMe } from "./get-me";
import { logout } from "./logout";
import { refreshSession } from "./refresh-session";
import { requestOtp } from "./request-otp";
import { verifyOtp } from "./verify-otp";

let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const T0 = Date.parse("2026-11-23T13:00:00Z");
const PHONE = "+5491144440001";
const ip = "203.0.113.7";

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await redis.quit();
});
beforeEach(async () => {
  await seedOrganizations(sandbox, redis, { customers: 1 });
  await adminDb().user.create({ data: { id: "u-owner", organizationId: ORG_A, phone: PHONE, name: "Ana", role: "OWNER" } });
  await adminDb().waTemplate.create({
    data: { organizationId: ORG_A, name: "otp_code", language: "es_AR", category: "AUTHENTICATION", status: "APPROVED", components: [{ type: "BODY", text: "{{1}} es tu código de verificación." }] },
  });
});

// Runs the delivery like the worker and reads the code from what the simulated phone received.
async function codeFromPhone(messageId: string | null, c: ReturnType<typeof clock>): Promise<string> {
  expect(messageId).toBeTruthy();
  await drain([{ organizationId: ORG_A, messageId: messageId! }], depsFor(sandbox, redis, c.now), c);
  const inbox = await sandbox.control("GET", `/_sandbox/customers/${PHONE.slice(1)}/inbox`);
  const code = JSON.stringify(inbox).match(/\b(\d{6})\b/)?.[1];
  expect(code).toBeTruthy();
  return code!;
}

describe("OTP login through the sandbox", () => {
  it("sends the code to the phone, logs in, rotates the refresh token and revokes the family on reuse", async () => {
    const c = clock(T0);
    const { messageId } = await requestOtp({ phone: "11 4444-0001", ip }, { redis, now: c.now, minDurationMs: 0 });
    const code = await codeFromPhone(messageId, c);
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(verifyOtp({ phone: PHONE, code: wrong, ip }, { redis, now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const s1 = await verifyOtp({ phone: PHONE, code, ip }, { redis, now: c.now });
    expect(verifyAccessToken(s1.accessToken)).toEqual({ sub: "u-owner", org: ORG_A, role: "OWNER", sv: 0 });
    expect(await getMe(verifyAccessToken(s1.accessToken))).toMatchObject({ id: "u-owner", name: "Ana", organization: { id: ORG_A } });
    // A code works once.
    await expect(verifyOtp({ phone: PHONE, code, ip }, { redis, now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const s2 = await refreshSession(s1.refreshToken, { now: c.now });
    expect(s2.refreshToken).not.toBe(s1.refreshToken);
    const s3 = await refreshSession(s2.refreshToken, { now: c.now });
    // s1 is presented again: reuse. The whole family, including the live s3, is revoked.
    await expect(refreshSession(s1.refreshToken, { now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(refreshSession(s3.refreshToken, { now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const actions = (await adminDb().auditLog.findMany({ where: { organizationId: ORG_A }, orderBy: { seq: "asc" } })).map((r) => r.action);
    // Each presentation of a rotated or revoked token is recorded.
    expect(actions).toEqual(["auth.login_failed", "auth.login", "auth.refresh_reuse_detected", "auth.refresh_reuse_detected"]);
    expect((await verifyAuditChain({ organizationId: ORG_A })).ok).toBe(true);
    // The staff recipient is not a customer with a phone: inbound matching and customer lists never see it.
    expect(await adminDb().customer.findFirst({ where: { staffUserId: "u-owner" }, select: { phone: true } })).toEqual({ phone: null });
  });

  it("logout revokes the family and is audited", async () => {
    const c = clock(T0);
    const code = await codeFromPhone((await requestOtp({ phone: PHONE, ip }, { redis, now: c.now, minDurationMs: 0 })).messageId, c);
    const s1 = await verifyOtp({ phone: PHONE, code, ip }, { redis, now: c.now });
    await logout(s1.refreshToken, { now: c.now });
    await expect(refreshSession(s1.refreshToken, { now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await adminDb().auditLog.count({ where: { action: "auth.logout" } })).toBe(1);
  });

  it("an unknown phone gets the same answer and nothing is sent", async () => {
    const c = clock(T0);
    const known = await requestOtp({ phone: PHONE, ip }, { redis, now: c.now, minDurationMs: 0 });
    const before = await adminDb().whatsAppMessage.count();
    const started = Date.now();
    const unknown = await requestOtp({ phone: "+5491199990000", ip }, { redis, now: c.now });
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(Object.keys(unknown)).toEqual(Object.keys(known));
    expect(unknown.messageId).toBeNull();
    expect(await adminDb().whatsAppMessage.count()).toBe(before);
    expect(await sandbox.control("GET", "/_sandbox/customers/5491199990000/inbox")).toEqual([]);
  });

  it("a code expires after 10 minutes", async () => {
    const c = clock(T0);
    const code = await codeFromPhone((await requestOtp({ phone: PHONE, ip }, { redis, now: c.now, minDurationMs: 0 })).messageId, c);
    c.set(T0 + 10 * 60_000 + 1);
    await expect(verifyOtp({ phone: PHONE, code, ip }, { redis, now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("locks the code after 5 wrong attempts, even for the right code, and asking again does not unlock it", async () => {
    const c = clock(T0);
    const code = await codeFromPhone((await requestOtp({ phone: PHONE, ip }, { redis, now: c.now, minDurationMs: 0 })).messageId, c);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) await expect(verifyOtp({ phone: PHONE, code: wrong, ip }, { redis, now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(verifyOtp({ phone: PHONE, code: wrong, ip }, { redis, now: c.now })).rejects.toMatchObject({ code: "OTP_LOCKED", status: 429 });
    await expect(verifyOtp({ phone: PHONE, code, ip }, { redis, now: c.now })).rejects.toMatchObject({ code: "OTP_LOCKED" });
    expect((await requestOtp({ phone: PHONE, ip }, { redis, now: c.now, minDurationMs: 0 })).messageId).toBeNull();
    await expect(verifyOtp({ phone: PHONE, code, ip }, { redis, now: c.now })).rejects.toMatchObject({ code: "OTP_LOCKED" });
  });

  it("rate limits code requests per phone", async () => {
    const c = clock(T0);
    for (let i = 0; i < 3; i++) await requestOtp({ phone: "+5491199990000", ip: `10.0.0.${i}` }, { redis, now: c.now, minDurationMs: 0 });
    await expect(requestOtp({ phone: "+5491199990000", ip: "10.0.0.9" }, { redis, now: c.now, minDurationMs: 0 })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("organizations that cannot send on WhatsApp", () => {
  it("a FREE organization without an approved template still logs in: the code goes by the platform's SMS", async () => {
    await adminDb().organization.update({ where: { id: ORG_A }, data: { tier: "FREE" } });
    await adminDb().waTemplate.update({
      where: { organizationId_name_language: { organizationId: ORG_A, name: "otp_code", language: "es_AR" } },
      data: { status: "DRAFT" },
    });
    const c = clock(T0);
    const { messageId } = await requestOtp({ phone: PHONE, ip }, { redis, now: c.now, minDurationMs: 0 });
    expect(messageId).toBeNull();
    // The suite-wide sandbox at the env URLs received the platform SMS (vitest.global-setup.ts).
    const base = env.TWILIO_API_BASE_URL.replace(/\/twilio$/, "");
    const inbox = (await (await fetch(`${base}/_sandbox/customers/${PHONE.slice(1)}/inbox`)).json()) as { provider: string; payload: { Body?: string } }[];
    const sms = inbox.filter((m) => m.provider === "TWILIO_SMS").at(-1);
    const code = sms?.payload.Body?.match(/^(\d{6}) es tu código de CampoTech/)?.[1];
    expect(code).toBeTruthy();
    const session = await verifyOtp({ phone: PHONE, code: code!, ip }, { redis, now: c.now });
    expect(verifyAccessToken(session.accessToken)).toMatchObject({ sub: "u-owner", org: ORG_A });
  });
});
