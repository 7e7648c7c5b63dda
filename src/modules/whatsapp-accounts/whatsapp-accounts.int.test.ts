import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, adminQuery } from "../../../database/testing/reset";
import { decryptJson, decryptSecret, defaultKeyring, encryptSecret, type Keyring } from "../../lib/crypto";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { createOrganization } from "../organizations/create-organization";
import { connectWhatsAppAccount } from "./connect-whatsapp-account";
import { releaseWhatsAppNumber } from "./release-whatsapp-number";
import { resetUsageCounters } from "./reset-usage-counters";
import { rotateCredentialsKey } from "./rotate-credentials-key";
import { suspendWhatsAppAccount } from "./suspend-whatsapp-account";

const TOKEN = "EAAGsuperSecretPermanentToken1234";
let orgId: string;

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const { organization } = await createOrganization(adminDb(), {
    name: "Gas Norte", cuit: "30-71234567-1", tier: "PROFESIONAL", ownerPhone: "011 15 4444-5555",
  });
  orgId = organization.id;
});

afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

const connect = (keyring?: Keyring, phoneNumberId = "1099") =>
  connectWhatsAppAccount(
    adminDb(),
    { organizationId: orgId, provider: "META_DIRECT", phoneNumberId, displayPhoneNumber: "+54 11 5263-0000", credentials: { accessToken: TOKEN } },
    keyring,
  );

describe("provider credentials at rest", () => {
  it("the column holds no plaintext and decrypts to the credentials", async () => {
    const account = await connect();
    expect(account).not.toHaveProperty("credentialsEncrypted");
    const [row] = await adminQuery<{ credentialsEncrypted: string; credentialsKeyId: string }>(
      env.DATABASE_ADMIN_URL, `SELECT "credentialsEncrypted", "credentialsKeyId" FROM "WhatsAppBusinessAccount" WHERE id = $1`, [account.id]);
    expect(row!.credentialsEncrypted).not.toContain(TOKEN);
    expect(row!.credentialsEncrypted).not.toContain(Buffer.from(TOKEN).toString("base64"));
    expect(row!.credentialsKeyId).toBe(defaultKeyring.activeKeyId);
    expect(decryptJson(row!.credentialsEncrypted)).toEqual({ accessToken: TOKEN });
  });

  it("rotation re-encrypts every value under the new active key", async () => {
    const oldRing: Keyring = { keys: new Map([["old", randomBytes(32)]]), activeKeyId: "old" };
    const newRing: Keyring = { keys: new Map([...oldRing.keys, ["new", randomBytes(32)]]), activeKeyId: "new" };
    const account = await connect(oldRing);
    const before = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(before.credentialsKeyId).toBe("old");

    expect(await rotateCredentialsKey(adminDb(), newRing)).toEqual({ rotated: 1 });
    const after = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.credentialsKeyId).toBe("new");
    expect(after.credentialsEncrypted).not.toBe(before.credentialsEncrypted);
    // The old key is no longer needed.
    const onlyNew: Keyring = { keys: new Map([["new", newRing.keys.get("new")!]]), activeKeyId: "new" };
    expect(decryptJson(after.credentialsEncrypted, onlyNew)).toEqual({ accessToken: TOKEN });
    expect(await rotateCredentialsKey(adminDb(), newRing)).toEqual({ rotated: 0 });
  });

  it("rotation also re-seals ARCA private keys and tickets", async () => {
    const oldRing: Keyring = { keys: new Map([["old", Buffer.alloc(32, 1)]]), activeKeyId: "old" };
    const newRing: Keyring = { keys: new Map([["old", Buffer.alloc(32, 1)], ["new", Buffer.alloc(32, 2)]]), activeKeyId: "new" };
    await adminDb().arcaConnection.create({
      data: { organizationId: orgId, cuit: "30712345671", businessName: "Gas Norte S.A.", privateKeyEncrypted: encryptSecret("-----BEGIN PRIVATE KEY-----x", oldRing) },
    });
    await adminDb().arcaTicket.create({
      data: { organizationId: orgId, environment: "HOMOLOGACION", service: "wsfe", certificateFingerprint: "f", tokenEncrypted: encryptSecret("tok", oldRing), signEncrypted: encryptSecret("sig", oldRing), generationTime: new Date(), expirationTime: new Date() },
    });
    expect(await rotateCredentialsKey(adminDb(), newRing)).toEqual({ rotated: 0, other: 2 });
    const onlyNew: Keyring = { keys: new Map([["new", newRing.keys.get("new")!]]), activeKeyId: "new" };
    const connection = await adminDb().arcaConnection.findUniqueOrThrow({ where: { organizationId: orgId } });
    expect(decryptSecret(connection.privateKeyEncrypted!, onlyNew)).toBe("-----BEGIN PRIVATE KEY-----x");
    const ticket = await adminDb().arcaTicket.findFirstOrThrow({ where: { organizationId: orgId } });
    expect([decryptSecret(ticket.tokenEncrypted, onlyNew), decryptSecret(ticket.signEncrypted, onlyNew)]).toEqual(["tok", "sig"]);
    expect(await rotateCredentialsKey(adminDb(), newRing)).toEqual({ rotated: 0 });
  });

  it("rotation also re-seals MercadoPago sellers' tokens (and skips an unlinked account's erased ones)", async () => {
    const oldRing: Keyring = { keys: new Map([["old", Buffer.alloc(32, 3)]]), activeKeyId: "old" };
    const newRing: Keyring = { keys: new Map([["old", Buffer.alloc(32, 3)], ["new", Buffer.alloc(32, 4)]]), activeKeyId: "new" };
    await adminDb().mercadoPagoConnection.create({
      data: { organizationId: orgId, mpUserId: "123456789", accessTokenEncrypted: encryptSecret("APP_USR-a", oldRing), refreshTokenEncrypted: encryptSecret("TG-r", oldRing), expiresAt: new Date() },
    });
    expect(await rotateCredentialsKey(adminDb(), newRing)).toEqual({ rotated: 0, other: 1 });
    const onlyNew: Keyring = { keys: new Map([["new", newRing.keys.get("new")!]]), activeKeyId: "new" };
    const row = await adminDb().mercadoPagoConnection.findUniqueOrThrow({ where: { organizationId: orgId } });
    expect([decryptSecret(row.accessTokenEncrypted, onlyNew), decryptSecret(row.refreshTokenEncrypted, onlyNew)]).toEqual(["APP_USR-a", "TG-r"]);
    await adminDb().mercadoPagoConnection.update({ where: { organizationId: orgId }, data: { status: "DISCONNECTED", accessTokenEncrypted: "", refreshTokenEncrypted: "" } });
    expect(await rotateCredentialsKey(adminDb(), newRing)).toEqual({ rotated: 0 });
  });
});

describe("a new organization", () => {
  it("starts with the default es_AR templates as drafts (not sendable until approved)", async () => {
    const templates = await adminDb().waTemplate.findMany({ where: { organizationId: orgId }, orderBy: { name: "asc" } });
    expect(templates.map((t) => [t.name, t.status])).toEqual([
      ["invoice_ready", "DRAFT"], ["job_completed", "DRAFT"], ["job_reminder", "DRAFT"], ["job_scheduled", "DRAFT"], ["otp_code", "DRAFT"],
      ["payment_confirmed", "DRAFT"], ["payment_reminder", "DRAFT"], ["staff_alert", "DRAFT"], ["technician_on_the_way", "DRAFT"], ["welcome", "DRAFT"],
    ]);
  });
});

describe("account lifecycle", () => {
  it("refuses bad credentials and a number that is already connected", async () => {
    await expect(
      connectWhatsAppAccount(adminDb(), { organizationId: orgId, provider: "TWILIO", phoneNumberId: "x", displayPhoneNumber: "5491100000000", credentials: { accountSid: "nope" } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await connect();
    await expect(connect()).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("suspends, then releases the number so another organization can connect it", async () => {
    const account = await connect();
    const suspended = await suspendWhatsAppAccount(adminDb(), { account: "1099", reason: "falta de pago" });
    expect(suspended).toMatchObject({ provisioningStatus: "SUSPENDED", suspensionReason: "falta de pago" });

    const released = await releaseWhatsAppNumber(adminDb(), { account: account.id });
    expect(released).toMatchObject({ provisioningStatus: "RELEASED", phoneNumberId: null, releasedPhoneNumberId: "1099" });
    const row = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(decryptJson(row.credentialsEncrypted)).toEqual({});
    await expect(releaseWhatsAppNumber(adminDb(), { account: account.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const { organization: other } = await createOrganization(adminDb(), {
      name: "Otra", cuit: "20-26756539-3", tier: "INICIAL", ownerPhone: "+5491166660000",
    });
    const again = await connectWhatsAppAccount(adminDb(), {
      organizationId: other.id, provider: "META_DIRECT", phoneNumberId: "1099", displayPhoneNumber: "541152630000", credentials: { accessToken: TOKEN },
    });
    expect(again.organizationId).toBe(other.id);
    const actions = await adminDb().auditLog.findMany({ where: { organizationId: orgId }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual([
      "organization.created", "whatsapp.account_connected", "whatsapp.account_suspended", "whatsapp.number_released",
    ]);
  });

  it("resets monthly usage counters inside the organization's RLS context, once per month", async () => {
    const account = await connect();
    await adminDb().whatsAppBusinessAccount.update({
      where: { id: account.id },
      data: { monthlyMessageCount: 812, monthlyAiConversations: 33, usagePeriodStart: new Date("2026-10-01T03:00:00Z") },
    });
    const now = new Date("2026-11-15T12:00:00Z");
    const first = await withTenant(orgId, (tx) => resetUsageCounters(tx, { organizationId: orgId, now }));
    expect(first).toEqual({ reset: 1, periodStart: new Date("2026-11-01T03:00:00Z") });
    const row = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row).toMatchObject({ monthlyMessageCount: 0, monthlyAiConversations: 0 });
    expect((await withTenant(orgId, (tx) => resetUsageCounters(tx, { organizationId: orgId, now }))).reset).toBe(0);
  });
});
