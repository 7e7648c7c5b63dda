import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { cuitCheckDigit } from "../../lib/cuit";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { verifyAccessToken } from "../auth/access-token";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { clock } from "../messaging/outbound-test-kit";
import { getOnboardingChecklist } from "../onboarding/get-onboarding-checklist";
import { DEFAULT_TEMPLATES } from "../templates/default-templates";
import { completeSignup } from "./complete-signup";
import { requestSignupCode } from "./request-signup-code";

// Signup end to end against real Postgres, Redis and the suite-wide provider sandbox: the code is read from the SMS
// the sandbox's simulated phone received, as the owner would read it.
const redis = new Redis(env.REDIS_URL);
const SANDBOX_BASE = env.TWILIO_API_BASE_URL.replace(/\/twilio$/, "");
const T0 = Date.parse("2026-12-02T13:00:00Z");
const ip = "203.0.113.40";

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
});
afterAll(async () => {
  await redis.quit();
});

let cuitSeq = 0;
// A fresh CUIT with a valid check digit (prefix 20, eight digits counting up; remainders that give 10 are skipped).
function freshCuit(): string {
  for (;;) {
    const first10 = `20${String(30_000_000 + ++cuitSeq * 7).padStart(8, "0")}`;
    const digit = cuitCheckDigit(first10);
    if (digit !== null) return `${first10}${digit}`;
  }
}
let phoneSeq = 0;
const freshPhone = () => `+54911555${String(++phoneSeq).padStart(5, "0")}`;

async function smsCode(phone: string): Promise<string> {
  const inbox = (await (await fetch(`${SANDBOX_BASE}/_sandbox/customers/${phone.slice(1)}/inbox`)).json()) as { provider: string; payload: { Body?: string } }[];
  const code = inbox.filter((m) => m.provider === "TWILIO_SMS").at(-1)?.payload.Body?.match(/^(\d{6}) es tu código para crear tu cuenta en CampoTech/)?.[1];
  expect(code, "the sandbox phone got the SMS").toBeTruthy();
  return code!;
}

const form = (phone: string, code: string, extra: Record<string, unknown> = {}) => ({
  phone, code, businessName: "Plomería Don Carlos", cuit: freshCuit(), ivaCondition: "MONOTRIBUTO" as const, trades: ["PLUMBING" as const, "GAS" as const],
  areaCode: "11", locality: "Lanús", ownerName: "Carlos Gómez", email: "carlos@example.com", plan: "PROFESIONAL_TRIAL" as const, ip, ...extra,
});

async function codeFor(phone: string, c = clock(T0), from = ip): Promise<string> {
  await requestSignupCode({ phone, ip: from }, { redis, now: c.now });
  return smsCode(phone);
}

const wrongOf = (code: string) => (code === "000000" ? "111111" : "000000");

describe("self-serve signup", () => {
  it("creates the organization, its owner, templates and trade price list, audits it and signs the owner in", async () => {
    const c = clock(T0);
    const phone = freshPhone();
    // Typed the way people write it locally: normalized to the WhatsApp E.164 form.
    await requestSignupCode({ phone: `11 ${phone.slice(6, 10)}-${phone.slice(10)}`, ip }, { redis, now: c.now });
    const code = await smsCode(phone);
    // Only the HMAC is kept.
    expect(JSON.stringify(await redis.hgetall(`signup:code:${phone}`))).not.toContain(code);

    const input = form(phone, code);
    const result = await completeSignup(input, { redis, now: c.now });
    expect(result.created).toBe(true);
    const org = await adminDb().organization.findUniqueOrThrow({ where: { id: result.organizationId } });
    expect(org).toMatchObject({
      name: "Plomería Don Carlos", cuit: input.cuit, tier: "PROFESIONAL", ivaCondition: "MONOTRIBUTO", trades: ["PLUMBING", "GAS"], locality: "Lanús", areaCode: "11", signupPhone: phone,
    });
    expect(org.trialEndsAt?.toISOString()).toBe(new Date(T0 + 14 * 86_400_000).toISOString());
    const users = await adminDb().user.findMany({ where: { organizationId: org.id } });
    expect(users).toMatchObject([{ phone, name: "Carlos Gómez", email: "carlos@example.com", role: "OWNER", isActive: true }]);
    expect(await adminDb().waTemplate.count({ where: { organizationId: org.id } })).toBe(DEFAULT_TEMPLATES.length);
    const items = await adminDb().priceListItem.findMany({ where: { organizationId: org.id }, orderBy: { code: "asc" } });
    expect(new Set(items.map((i) => i.serviceType))).toEqual(new Set(["PLUMBING", "GAS"]));
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(["Destapación de cañería", "Prueba de hermeticidad"]));
    expect(items.every((i) => Number.isInteger(i.priceCents) && i.priceCents >= 1_000_000)).toBe(true);

    expect(verifyAccessToken(result.session.accessToken)).toMatchObject({ sub: users[0]!.id, org: org.id, role: "OWNER" });
    expect(result.session.refreshToken.startsWith(`${org.id}.`)).toBe(true);
    const actions = (await adminDb().auditLog.findMany({ where: { organizationId: org.id }, orderBy: { seq: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["organization.created", "organization.signed_up", "auth.login"]);
    expect((await verifyAuditChain({ organizationId: org.id })).ok).toBe(true);
    // The new business starts its checklist with the price list already loaded.
    const checklist = await withTenant(org.id, (tx) => getOnboardingChecklist(tx, org.id));
    expect(checklist).toMatchObject({ doneCount: 1, total: 6, visible: true });
  });

  it("the free plan has no trial", async () => {
    const phone = freshPhone();
    const result = await completeSignup(form(phone, await codeFor(phone), { plan: "FREE", trades: ["HVAC"], email: "" }), { redis, now: clock(T0).now });
    const org = await adminDb().organization.findUniqueOrThrow({ where: { id: result.organizationId }, include: { priceList: true, users: true } });
    expect(org).toMatchObject({ tier: "FREE", trialEndsAt: null });
    expect(org.users[0]?.email).toBeNull();
    expect(org.priceList.map((i) => i.name)).toContain("Instalación de split 3000 frigorías");
  });

  it("a wrong code is refused with the attempts left, and the right one still works", async () => {
    const phone = freshPhone();
    const code = await codeFor(phone);
    await expect(completeSignup(form(phone, wrongOf(code)), { redis, now: clock(T0).now })).rejects.toMatchObject({
      code: "UNAUTHENTICATED", message: "El código no es correcto. Te quedan 4 intentos.", fields: { code: "El código no es correcto. Te quedan 4 intentos." },
    });
    expect(await adminDb().organization.count()).toBe(0);
    expect((await completeSignup(form(phone, code), { redis, now: clock(T0).now })).created).toBe(true);
  });

  it("an expired code is refused", async () => {
    const c = clock(T0);
    const phone = freshPhone();
    const code = await codeFor(phone, c);
    c.advance(10 * 60_000);
    await expect(completeSignup(form(phone, code), { redis, now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "El código venció. Pedí uno nuevo." });
    expect(await adminDb().organization.count()).toBe(0);
  });

  it("five wrong codes lock it (even the right one) until it expires; asking again meanwhile is refused", async () => {
    const c = clock(T0);
    const phone = freshPhone();
    const code = await codeFor(phone, c);
    for (let i = 1; i <= 4; i++) await expect(completeSignup(form(phone, wrongOf(code)), { redis, now: c.now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(completeSignup(form(phone, wrongOf(code)), { redis, now: c.now })).rejects.toMatchObject({ code: "OTP_LOCKED" });
    await expect(completeSignup(form(phone, code), { redis, now: c.now })).rejects.toMatchObject({ code: "OTP_LOCKED" });
    await expect(requestSignupCode({ phone, ip: "203.0.113.41" }, { redis, now: c.now })).rejects.toMatchObject({ code: "OTP_LOCKED" });
    c.advance(10 * 60_000 + 1);
    const fresh = await codeFor(phone, c, "203.0.113.42");
    expect((await completeSignup(form(phone, fresh), { redis, now: c.now })).created).toBe(true);
  });

  it("a form error costs no attempt and names the field", async () => {
    const phone = freshPhone();
    const code = await codeFor(phone);
    const valid = freshCuit();
    // The right digits with a wrong check digit.
    const bad = form(phone, code, { cuit: `${valid.slice(0, 2)}-${valid.slice(2, 10)}-${(Number(valid[10]) + 1) % 10}`, trades: [], ownerName: "" });
    await expect(completeSignup(bad, { redis, now: clock(T0).now })).rejects.toMatchObject({
      code: "VALIDATION_FAILED", fields: { cuit: expect.stringMatching(/dígito verificador/), trades: "Elegí al menos un rubro.", ownerName: "Ingresá tu nombre." },
    });
    expect(await redis.hget(`signup:code:${phone}`, "attempts")).toBe("0");
  });

  it("a CUIT that already has an account is a clear conflict; the code stays usable with another CUIT", async () => {
    const first = freshPhone();
    const taken = form(first, await codeFor(first));
    await completeSignup(taken, { redis, now: clock(T0).now });
    const second = freshPhone();
    const code = await codeFor(second);
    await expect(completeSignup(form(second, code, { cuit: taken.cuit }), { redis, now: clock(T0).now })).rejects.toMatchObject({
      code: "CONFLICT", status: 409, message: expect.stringContaining(`Ya hay una cuenta de CampoTech con el CUIT ${taken.cuit.slice(0, 2)}-`), fields: { cuit: "Este CUIT ya tiene una cuenta." },
    });
    expect(await redis.hget(`signup:code:${second}`, "attempts")).toBe("0");
    expect((await completeSignup(form(second, code), { redis, now: clock(T0).now })).created).toBe(true);
    expect(await adminDb().organization.count()).toBe(2);
  });

  it("the same phone may sign up three businesses, not a fourth", async () => {
    const c = clock(T0);
    const phone = freshPhone();
    for (let i = 0; i < 3; i++) {
      // The per-phone code limit (3 in 10 minutes) is not what this test is about: each signup is a while apart.
      c.advance(11 * 60_000);
      await completeSignup(form(phone, await codeFor(phone, c), { businessName: `Negocio ${i + 1}` }), { redis, now: c.now });
    }
    c.advance(11 * 60_000);
    await expect(completeSignup(form(phone, await codeFor(phone, c), { businessName: "Negocio 4" }), { redis, now: c.now })).rejects.toMatchObject({
      code: "CONFLICT", message: expect.stringContaining("ya creó 3 cuentas"), fields: { phone: expect.any(String) },
    });
    expect(await adminDb().organization.count({ where: { signupPhone: phone } })).toBe(3);
  });

  it("limits code requests per IP and per phone", async () => {
    const c = clock(T0);
    for (let i = 0; i < 5; i++) await requestSignupCode({ phone: freshPhone(), ip: "198.51.100.9" }, { redis, now: c.now });
    await expect(requestSignupCode({ phone: freshPhone(), ip: "198.51.100.9" }, { redis, now: c.now })).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
    const phone = freshPhone();
    for (let i = 0; i < 3; i++) await requestSignupCode({ phone, ip: `198.51.100.${20 + i}` }, { redis, now: c.now });
    await expect(requestSignupCode({ phone, ip: "198.51.100.30" }, { redis, now: c.now })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // An hour later the IP may ask again.
    c.advance(60 * 60_000 + 1);
    await expect(requestSignupCode({ phone: freshPhone(), ip: "198.51.100.9" }, { redis, now: c.now })).resolves.toMatchObject({ expiresAt: expect.any(Date) });
  });

  it("refuses a phone that is not an Argentine mobile", async () => {
    await expect(requestSignupCode({ phone: "0800 555 1234", ip }, { redis, now: clock(T0).now })).rejects.toMatchObject({ code: "INVALID_PHONE", fields: { phone: expect.any(String) } });
  });

  it("a double submit of the same code creates one organization and signs both into it", async () => {
    const phone = freshPhone();
    const input = form(phone, await codeFor(phone));
    const [a, b] = await Promise.all([completeSignup(input, { redis, now: clock(T0).now, pollMs: 20 }), completeSignup(input, { redis, now: clock(T0).now, pollMs: 20 })]);
    expect(a.organizationId).toBe(b.organizationId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await completeSignup(input, { redis, now: clock(T0).now });
    expect(again).toMatchObject({ organizationId: a.organizationId, created: false });
    expect(verifyAccessToken(again.session.accessToken)).toMatchObject({ org: a.organizationId, role: "OWNER" });
    expect(await adminDb().organization.count()).toBe(1);
    expect(await adminDb().user.count()).toBe(1);
    // A replay still needs the right code.
    await expect(completeSignup({ ...input, code: wrongOf(input.code) }, { redis, now: clock(T0).now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
