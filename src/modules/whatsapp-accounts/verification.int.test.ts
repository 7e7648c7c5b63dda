import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { createOrganization } from "../organizations/create-organization";
import { connectAndVerifyWhatsAppAccount } from "./connect-and-verify-whatsapp-account";
import { updateAccountCredentials } from "./update-account-credentials";
import { verificationStates } from "./verification-states";
import { verifyWhatsAppAccount } from "./verify-whatsapp-account";

// "Activo" next to "Última verificación: Nunca" was the bug: connecting must probe the provider and the settings
// screen must say what the last probe of the current credentials found.
let sandbox: TestSandbox;
let orgId: string;
let ownerId: string;
const TOKEN = "sandbox-verify-token-0001";
const PHONE_NUMBER_ID = "300000000000001";

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});
beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await sandbox.reset();
  await sandbox.control("POST", "/_sandbox/numbers", { provider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, wabaId: "300000000000009", displayPhoneNumber: "541152637777", accessToken: TOKEN });
  const { organization, owner } = await createOrganization(adminDb(), { name: "Gas Norte", cuit: "30-71234567-1", tier: "PROFESIONAL", ownerPhone: "011 15 4444-5555" });
  orgId = organization.id;
  ownerId = owner.id;
});

const connect = (accessToken: string) =>
  connectAndVerifyWhatsAppAccount(
    adminDb(),
    { organizationId: orgId, provider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: "541152637777", credentials: { accessToken } },
    { clientConfig: { baseUrl: `${sandbox.url}/meta` } },
  );
const stateOf = (accountId: string) =>
  withTenant(orgId, async (tx) => {
    const account = await tx.whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: accountId }, select: { id: true, lastHealthCheckAt: true } });
    return (await verificationStates(tx, [account])).get(accountId);
  });

describe("verification on connect", () => {
  it("probes the provider when the number is connected and records the check", async () => {
    const account = await connect(TOKEN);
    expect(account.verification.ok).toBe(true);
    const row = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.lastHealthCheckAt).toEqual(account.verification.checkedAt);
    expect(await stateOf(account.id)).toEqual({ state: "verified", at: account.verification.checkedAt });
  });

  it("keeps a number whose credentials fail connected, and says why", async () => {
    const account = await connect("token-que-meta-no-conoce");
    expect(account.verification).toMatchObject({ ok: false, detail: "Meta rechazó las credenciales: revisá el token o la clave y guardalas de nuevo." });
    expect(await stateOf(account.id)).toMatchObject({ state: "failed", reason: "Meta rechazó las credenciales: revisá el token o la clave y guardalas de nuevo." });
    // A later passing check replaces the failure.
    const passed = await withTenant(orgId, (tx) => updateAccountCredentials(tx, { organizationId: orgId, accountId: account.id, actorId: ownerId, credentials: { accessToken: TOKEN } }))
      .then(() => stateOf(account.id));
    expect(passed).toEqual({ state: "never" });
    const check = await verifyWhatsAppAccount({ organizationId: orgId, accountId: account.id, clientConfig: { baseUrl: `${sandbox.url}/meta` } });
    expect(check.ok).toBe(true);
    expect(await stateOf(account.id)).toEqual({ state: "verified", at: check.checkedAt });
  });

  it("reads a number with no check at all as never verified", async () => {
    const row = await adminDb().whatsAppBusinessAccount.create({
      data: { organizationId: orgId, bspProvider: "META_DIRECT", phoneNumberId: "300000000000002", displayPhoneNumber: "541152638888", credentialsEncrypted: "v1.k.a.b.c", credentialsKeyId: "k", provisioningStatus: "ACTIVE" },
    });
    expect(await stateOf(row.id)).toEqual({ state: "never" });
  });
});
