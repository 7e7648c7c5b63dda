import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { createWhatsAppProvider } from "../../integrations/whatsapp/create-whatsapp-provider";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { decryptJson, decryptSecret } from "../../lib/crypto";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { closeSharedRedis, sharedRedis } from "../../lib/redis";
import { createOrganization } from "../organizations/create-organization";
import { getProvisioningState } from "./get-provisioning-state";
import { listAvailableNumbers } from "./list-available-numbers";
import { enforceProvisioningLimit, PROVISIONING_LIMITS } from "./provisioning-limits";
import { depsFor, lastSmsCode, poolIds, wrongCode } from "./provisioning-test-kit";
import { releaseProvisioning } from "./release-provisioning";
import { reserveNumber } from "./reserve-number";
import { resetProvisioning } from "./reset-provisioning";
import { sendVerificationCode } from "./send-verification-code";
import { suspendProvisioning } from "./suspend-provisioning";
import { verifyCode } from "./verify-code";

const OWNER = "+5491144445555";
const CUSTOMER = "5491155550123";
const USER = { type: "USER" as const, id: "owner" };
let sandbox: TestSandbox;
let orgId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  await closeSharedRedis();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});
beforeEach(async () => {
  await sandbox.reset();
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const { organization } = await createOrganization(adminDb(), { name: "Gas Norte", cuit: "30-71234567-1", tier: "PROFESIONAL", ownerPhone: "011 15 4444-5555" });
  orgId = organization.id;
});

async function reserveFirst(areaCode = "351", now = new Date()) {
  const [first] = await listAvailableNumbers(orgId, { areaCode }, depsFor(sandbox, now));
  return { number: first!, view: await reserveNumber(orgId, { numberId: first!.id }, USER, depsFor(sandbox, now)) };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("number provisioning through the 360dialog Partner API", () => {
  it("reserves, texts the code to the owner, verifies, and the new account sends through the sandbox", async () => {
    const now = new Date();
    const numbers = await listAvailableNumbers(orgId, { areaCode: "351" }, depsFor(sandbox, now));
    expect(numbers).toHaveLength(5);
    expect(numbers[0]).toMatchObject({ areaCode: "351", phoneNumber: expect.stringMatching(/^\+54351\d{7}$/) });

    const reserved = await reserveNumber(orgId, { numberId: numbers[0]!.id }, USER, depsFor(sandbox, now));
    expect(reserved).toMatchObject({ status: "PENDING_NUMBER_SELECTION", phoneNumber: numbers[0]!.phoneNumber, areaCode: "351" });
    expect(reserved.reservedUntil?.getTime()).toBe(now.getTime() + 5 * 60_000);
    // Reserving again while the reservation is live answers it instead of holding a second number.
    const again = await reserveNumber(orgId, { numberId: numbers[1]!.id }, USER, depsFor(sandbox, now));
    expect(again.phoneNumber).toBe(numbers[0]!.phoneNumber);
    expect(await poolIds(sandbox, "351")).toHaveLength(4);

    const sent = await sendVerificationCode(orgId, USER, depsFor(sandbox, now));
    expect(sent).toMatchObject({ status: "PENDING_VERIFICATION", verificationPhone: "•••• 5555", attemptsLeft: 5, resendsLeft: 3 });
    expect(sent.verificationExpiresAt?.getTime()).toBe(now.getTime() + 10 * 60_000);
    const code = await lastSmsCode(sandbox, OWNER);

    const active = await verifyCode(orgId, { code }, USER, depsFor(sandbox, now));
    expect(active).toMatchObject({ status: "ACTIVE", phoneNumber: numbers[0]!.phoneNumber, accountId: expect.any(String) });
    expect(await verifyCode(orgId, { code: "123456" }, USER, depsFor(sandbox, now))).toMatchObject({ status: "ACTIVE", accountId: active.accountId });

    const account = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: active.accountId! } });
    expect(account).toMatchObject({ organizationId: orgId, bspProvider: "DIALOG_360", provisioningStatus: "ACTIVE", displayPhoneNumber: numbers[0]!.phoneNumber.slice(1) });
    const { apiKey } = decryptJson<{ apiKey: string }>(account.credentialsEncrypted);
    const sandboxNumbers = (await sandbox.control("GET", "/_sandbox/numbers")) as { phoneNumberId: string; apiKey?: string; webhookUrl: string; webhookHeaders: Record<string, string> }[];
    const issued = sandboxNumbers.find((n) => n.phoneNumberId === account.phoneNumberId)!;
    expect(issued.apiKey).toBe(apiKey);
    expect(issued.webhookUrl).toBe(`${env.PUBLIC_BASE_URL}/api/webhooks/dialog360?orgId=${orgId}`);
    expect(issued.webhookHeaders["x-campotech-webhook-secret"]).toBe(decryptSecret(account.webhookSecretEncrypted!));

    const provider = createWhatsAppProvider(account, { baseUrl: `${sandbox.url}/d360` });
    expect(await provider.send({ to: CUSTOMER, content: { type: "text", body: "Hola desde el número nuevo" } })).toMatchObject({ ok: true });
    const inbox = (await sandbox.control("GET", `/_sandbox/customers/${CUSTOMER}/inbox`)) as { from: string; payload: { text?: { body: string } } }[];
    expect(inbox.at(-1)).toMatchObject({ from: numbers[0]!.phoneNumber.slice(1), payload: { text: { body: "Hola desde el número nuevo" } } });

    const check = await withTenant(orgId, (tx) => tx.auditLog.findFirst({ where: { action: "whatsapp.account_verified", entityId: account.id } }));
    expect(check?.metadata).toMatchObject({ ok: true });

    const actions = await withTenant(orgId, (tx) => tx.auditLog.findMany({ where: { action: { startsWith: "provisioning." } }, orderBy: { seq: "asc" }, select: { action: true } }));
    expect(actions.map((a) => a.action)).toEqual(["provisioning.number_reserved", "provisioning.code_sent", "provisioning.activated"]);
  });

  it("rejects wrong codes with the attempts left, locks after 5, and a resent code works again", async () => {
    const now = new Date();
    await reserveFirst("11", now);
    await sendVerificationCode(orgId, USER, depsFor(sandbox, now));
    const code = await lastSmsCode(sandbox, OWNER);
    const first = await failure(verifyCode(orgId, { code: wrongCode(code) }, USER, depsFor(sandbox, now)));
    expect(first).toMatchObject({ code: "VALIDATION_FAILED", message: "El código no es correcto. Te quedan 4 intentos." });
    for (let i = 0; i < 3; i++) await failure(verifyCode(orgId, { code: wrongCode(code) }, USER, depsFor(sandbox, now)));
    expect((await failure(verifyCode(orgId, { code: wrongCode(code) }, USER, depsFor(sandbox, now)))).code).toBe("OTP_LOCKED");
    // Even the right code is refused once locked.
    expect((await failure(verifyCode(orgId, { code }, USER, depsFor(sandbox, now)))).code).toBe("OTP_LOCKED");
    expect((await getProvisioningState(orgId)).attemptsLeft).toBe(0);

    const later = new Date(now.getTime() + 61_000);
    await sendVerificationCode(orgId, USER, depsFor(sandbox, later));
    const fresh = await lastSmsCode(sandbox, OWNER);
    expect((await verifyCode(orgId, { code: fresh }, USER, depsFor(sandbox, later))).status).toBe("ACTIVE");
  });

  it("refuses an expired code and a malformed one without spending an attempt", async () => {
    const now = new Date();
    await reserveFirst("261", now);
    await sendVerificationCode(orgId, USER, depsFor(sandbox, now));
    const code = await lastSmsCode(sandbox, OWNER);
    expect(await failure(verifyCode(orgId, { code: "12a" }, USER, depsFor(sandbox, now)))).toMatchObject({ code: "VALIDATION_FAILED", message: "El código tiene 6 números." });
    const late = new Date(now.getTime() + 10 * 60_000 + 1);
    expect(await failure(verifyCode(orgId, { code }, USER, depsFor(sandbox, late)))).toMatchObject({ code: "GONE", message: "El código venció: pedí uno nuevo." });
    expect((await getProvisioningState(orgId)).attemptsLeft).toBe(5);
  });

  it("caps resends at 3 with a one-minute cooldown", async () => {
    const t0 = new Date();
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    await reserveFirst("341", t0);
    await sendVerificationCode(orgId, USER, depsFor(sandbox, t0));
    expect(await failure(sendVerificationCode(orgId, USER, depsFor(sandbox, at(30))))).toMatchObject({ code: "RATE_LIMITED", message: "Esperá 30 segundos para pedir otro código." });
    for (const s of [61, 122, 183]) await sendVerificationCode(orgId, USER, depsFor(sandbox, at(s)));
    expect((await getProvisioningState(orgId)).resendsLeft).toBe(0);
    expect(await failure(sendVerificationCode(orgId, USER, depsFor(sandbox, at(244))))).toMatchObject({ code: "RATE_LIMITED", message: "Ya te mandamos 4 códigos: elegí el número de nuevo para pedir otro." });
    const inbox = (await sandbox.control("GET", `/_sandbox/customers/${OWNER.slice(1)}/inbox`)) as unknown[];
    expect(inbox).toHaveLength(4);
  });

  it("release gives an active number back to the pool and releases the account", async () => {
    const { number } = await reserveFirst("221");
    await sendVerificationCode(orgId, USER, depsFor(sandbox));
    const active = await verifyCode(orgId, { code: await lastSmsCode(sandbox, OWNER) }, USER, depsFor(sandbox));
    expect(await poolIds(sandbox, "221")).not.toContain(number.id);
    const account = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: active.accountId! } });

    const released = await releaseProvisioning(orgId, USER, depsFor(sandbox));
    expect(released).toMatchObject({ status: "RELEASED", releasedAt: expect.any(Date) });
    expect(await releaseProvisioning(orgId, USER, depsFor(sandbox))).toMatchObject({ status: "RELEASED" });
    expect(await poolIds(sandbox, "221")).toContain(number.id);
    expect(await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ provisioningStatus: "RELEASED", phoneNumberId: null });
    const provider = createWhatsAppProvider(account, { baseUrl: `${sandbox.url}/d360` });
    expect(await provider.send({ to: CUSTOMER, content: { type: "text", body: "¿Sigue andando?" } })).toMatchObject({ ok: false });

    // A new start makes a new row; the released one stays as history.
    const { view } = await reserveFirst("221");
    expect(view.id).not.toBe(released.id);
    expect(await adminDb().numberProvisioning.count({ where: { organizationId: orgId } })).toBe(2);
  });

  it("operators suspend an active number and reset a provisioning to NOT_STARTED", async () => {
    await reserveFirst("11");
    await sendVerificationCode(orgId, USER, depsFor(sandbox));
    const active = await verifyCode(orgId, { code: await lastSmsCode(sandbox, OWNER) }, USER, depsFor(sandbox));
    const operator = { type: "OPERATOR" as const };
    expect(await suspendProvisioning(orgId, { reason: "Falta de pago" }, operator, depsFor(sandbox))).toMatchObject({ status: "SUSPENDED", lastError: "Falta de pago" });
    expect(await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: active.accountId! } })).toMatchObject({ provisioningStatus: "SUSPENDED" });
    expect((await failure(reserveFirst("11"))).code).toBe("CONFLICT");
    expect(await resetProvisioning(orgId, operator, depsFor(sandbox))).toMatchObject({ status: "NOT_STARTED", phoneNumber: null, accountId: null });
    expect(await poolIds(sandbox, "11")).toHaveLength(5);
  });

  it("below PROFESIONAL answers PLAN_REQUIRED and the state carries the upgrade message", async () => {
    await adminDb().organization.update({ where: { id: orgId }, data: { tier: "FREE" } });
    const error = await failure(listAvailableNumbers(orgId, { areaCode: "11" }, depsFor(sandbox)));
    expect(error).toMatchObject({ code: "PLAN_REQUIRED", fields: { feature: "virtualNumber", requiredPlan: "PROFESIONAL" } });
    expect((await failure(reserveNumber(orgId, { numberId: "pn_11_1" }, USER, depsFor(sandbox)))).code).toBe("PLAN_REQUIRED");
    expect(await getProvisioningState(orgId)).toMatchObject({ status: "NOT_STARTED", planIncludes: false, upsell: expect.stringContaining("Profesional") });
    expect(await poolIds(sandbox, "11")).toHaveLength(5);
  });

  it("two reservations at once hold one number (per-organization lock)", async () => {
    const [a, b] = await listAvailableNumbers(orgId, { areaCode: "11" }, depsFor(sandbox));
    const [first, second] = await Promise.all([
      reserveNumber(orgId, { numberId: a!.id }, USER, depsFor(sandbox)),
      reserveNumber(orgId, { numberId: b!.id }, USER, depsFor(sandbox)),
    ]);
    expect(second.phoneNumber).toBe(first.phoneNumber);
    expect(await poolIds(sandbox, "11")).toHaveLength(4);
  });

  it("rate-limits each step per organization", async () => {
    const now = Date.now();
    const { limit } = PROVISIONING_LIMITS.sendCode;
    for (let i = 0; i < limit; i++) await enforceProvisioningLimit(sharedRedis(), "sendCode", orgId, now + i);
    expect(await failure(enforceProvisioningLimit(sharedRedis(), "sendCode", orgId, now + limit))).toMatchObject({ code: "RATE_LIMITED" });
    // Another organization and another step have their own windows.
    await enforceProvisioningLimit(sharedRedis(), "sendCode", `${orgId}-other`, now);
    await enforceProvisioningLimit(sharedRedis(), "verify", orgId, now);
  });

  it("validates the area code in Spanish", async () => {
    expect(await failure(listAvailableNumbers(orgId, { areaCode: "abc" }, depsFor(sandbox)))).toMatchObject({
      code: "VALIDATION_FAILED", message: "Ingresá un código de área válido, sin el 0 (por ejemplo 11 o 351).",
    });
    expect(await listAvailableNumbers(orgId, { areaCode: "0351" }, depsFor(sandbox))).toHaveLength(5);
  });
});
