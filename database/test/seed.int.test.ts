import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptJson, decryptSecret, encryptJson, encryptSecret } from "../../src/lib/crypto";
import { adminDb, withTenant } from "../../src/lib/db";
import { env } from "../../src/lib/env";
import { DEMO_ORG, seedDemo } from "../seed";
import { resetDatabase } from "../testing/reset";

beforeAll(() => resetDatabase(env.DATABASE_ADMIN_URL));
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("demo seed", () => {
  it("creates the demo plumbing and gas business and is idempotent", async () => {
    const seal = (v: unknown) => encryptJson(v);
    const sealSecret = (v: string) => encryptSecret(v);
    const first = await seedDemo(adminDb(), { seal, sealSecret });
    const counts = async () =>
      withTenant(DEMO_ORG.id, async (tx) => ({
        users: await tx.user.groupBy({ by: ["role"], _count: true, orderBy: { role: "asc" } }),
        customers: await tx.customer.count(),
        priceList: await tx.priceListItem.count(),
        accounts: await tx.whatsAppBusinessAccount.count(),
        templates: await tx.waTemplate.count({ where: { status: "APPROVED" } }),
        messages: await tx.whatsAppMessage.count(),
      }));
    const before = await counts();
    await seedDemo(adminDb(), { seal, sealSecret });
    expect(await counts()).toEqual(before);
    expect(first).toMatchObject({ organizationId: "demo-org", users: 4, customers: 5 });
    expect(before.users.map((u) => [u.role, u._count])).toEqual([["OWNER", 1], ["DISPATCHER", 1], ["TECHNICIAN", 2]]);
    expect(before).toMatchObject({ customers: 5, accounts: 3, templates: 10, messages: 5 });
    expect(before.priceList).toBeGreaterThanOrEqual(10);
    // issue 20 (stats): only the demo owner opens /operador.
    expect(await adminDb().user.findMany({ where: { platformOperator: true }, select: { id: true } })).toEqual([{ id: "demo-user-owner" }]);

    const org = await adminDb().organization.findUniqueOrThrow({ where: { id: DEMO_ORG.id } });
    expect(org).toMatchObject({ tier: "PROFESIONAL", cuit: "30712345671", timezone: "America/Argentina/Buenos_Aires" });
    const account = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: "demo-wa-meta" } });
    expect(account).toMatchObject({ bspProvider: "META_DIRECT", phoneNumberId: "100000000000001", provisioningStatus: "ACTIVE" });
    expect(decryptJson(account.credentialsEncrypted)).toEqual({ accessToken: "sandbox-meta-access-token-demo" });
    // The sandbox's 360dialog and Twilio demo numbers route to the demo organization too (webhooks).
    const d360 = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: "demo-wa-d360" } });
    expect(d360).toMatchObject({ bspProvider: "DIALOG_360", phoneNumberId: "100000000000002", organizationId: DEMO_ORG.id });
    expect(decryptSecret(d360.webhookSecretEncrypted!)).toBe("sandbox-d360-org-webhook-secret-demo");
    const twilio = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: "demo-wa-twilio" } });
    expect(twilio).toMatchObject({ bspProvider: "TWILIO", displayPhoneNumber: "5491152630002" });
    expect(decryptJson(twilio.credentialsEncrypted)).toEqual({});
    const split = await adminDb().priceListItem.findFirstOrThrow({ where: { organizationId: DEMO_ORG.id, code: "SPLIT-3000" } });
    expect(split.priceCents).toBe(4_500_000);
  });
});
