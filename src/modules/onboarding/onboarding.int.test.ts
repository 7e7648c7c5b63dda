import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { encryptJson } from "../../lib/crypto";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { createOrganization } from "../organizations/create-organization";
import { connectSandboxSeller } from "../payments/connect-sandbox-seller";
import { dismissOnboarding } from "./dismiss-onboarding";
import { getOnboardingChecklist, type OnboardingStepKey } from "./get-onboarding-checklist";

// The checklist is computed from what the organization really has: each step is completed here by writing the rows
// the feature itself leaves behind (MercadoPago through the sandbox's OAuth), and undone the same way.
let orgId = "";
let ownerId = "";
const NOW = new Date("2026-12-02T13:00:00Z");
const checklist = () => withTenant(orgId, (tx) => getOnboardingChecklist(tx, orgId, NOW));
const doneKeys = async () => (await checklist()).steps.filter((s) => s.done).map((s) => s.key).sort();

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const { organization, owner } = await createOrganization(adminDb(), { name: "Gas Sur", cuit: "30712345671", tier: "PROFESIONAL", ownerPhone: "+5491144450001" });
  orgId = organization.id;
  ownerId = owner.id;
  // Another organization with everything done must not count for this one.
  const other = await createOrganization(adminDb(), { name: "Otra", cuit: "20267565393", tier: "FREE", ownerPhone: "+5491144450009" });
  await adminDb().priceListItem.create({ data: { organizationId: other.organization.id, code: "X", name: "X", serviceType: "GAS", priceCents: 100 } });
  await adminDb().user.create({ data: { organizationId: other.organization.id, phone: "+5491144450010", name: "Técnico", role: "TECHNICIAN" } });
});
afterAll(async () => {
  await adminDb().$disconnect();
});

describe("onboarding checklist", () => {
  it("starts at 0 of 6 with a link for each step", async () => {
    const c = await checklist();
    expect(c).toMatchObject({ doneCount: 0, total: 6, visible: true, dismissedAt: null });
    expect(Object.fromEntries(c.steps.map((s) => [s.key, s.href]))).toEqual({
      whatsapp: "/panel/whatsapp#numero", team: "/panel/equipo", priceList: "/panel/precios", hours: "/panel/whatsapp#assistant-h", arca: "/panel/arca", mercadopago: "/panel/cobros/mercadopago",
    });
  });

  it("moves as each step is really done, and back when undone", async () => {
    const expectDone = async (keys: OnboardingStepKey[]) => expect(await doneKeys()).toEqual([...keys].sort());

    await adminDb().priceListItem.create({ data: { organizationId: orgId, code: "GAS-1", name: "Prueba de hermeticidad", serviceType: "GAS", priceCents: 8_500_000 } });
    await expectDone(["priceList"]);

    // A number still being set up is not connected; an active one is.
    const account = await adminDb().whatsAppBusinessAccount.create({
      data: { organizationId: orgId, bspProvider: "META_DIRECT", phoneNumberId: "100000000000777", displayPhoneNumber: "541152630777", credentialsEncrypted: encryptJson({ accessToken: "x" }), credentialsKeyId: "local-2026", provisioningStatus: "PENDING" },
    });
    await expectDone(["priceList"]);
    await adminDb().whatsAppBusinessAccount.update({ where: { id: account.id }, data: { provisioningStatus: "ACTIVE" } });
    await expectDone(["priceList", "whatsapp"]);

    // An expired invitation is not a team; a pending one is; so is a second active user.
    const invitation = await adminDb().teamInvitation.create({ data: { organizationId: orgId, phone: "+5491144450002", name: "Juan", role: "TECHNICIAN", codeHash: "h", expiresAt: new Date(NOW.getTime() - 1000) } });
    await expectDone(["priceList", "whatsapp"]);
    await adminDb().teamInvitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(NOW.getTime() + 86_400_000) } });
    await expectDone(["priceList", "team", "whatsapp"]);
    await adminDb().teamInvitation.update({ where: { id: invitation.id }, data: { status: "ACCEPTED" } });
    const tech = await adminDb().user.create({ data: { organizationId: orgId, phone: "+5491144450002", name: "Juan", role: "TECHNICIAN" } });
    await expectDone(["priceList", "team", "whatsapp"]);

    // An empty schedule is not hours; a technician's week is; so are the business hours of the assistant settings.
    await adminDb().technicianSchedule.create({ data: { organizationId: orgId, userId: tech.id, workingHours: { 1: [] } } });
    await expectDone(["priceList", "team", "whatsapp"]);
    await adminDb().technicianSchedule.update({ where: { userId: tech.id }, data: { workingHours: { 1: [["08:00", "17:00"]] } } });
    await expectDone(["hours", "priceList", "team", "whatsapp"]);
    await adminDb().technicianSchedule.delete({ where: { userId: tech.id } });
    await adminDb().organization.update({ where: { id: orgId }, data: { settings: { businessHours: { monday: ["08:00", "18:00"] } } } });
    await expectDone(["hours", "priceList", "team", "whatsapp"]);

    // ARCA counts once a certificate is installed, not with the settings alone.
    await adminDb().arcaConnection.create({ data: { organizationId: orgId, cuit: "30712345671", businessName: "Gas Sur S.R.L." } });
    await expectDone(["hours", "priceList", "team", "whatsapp"]);
    await adminDb().arcaConnection.update({ where: { organizationId: orgId }, data: { certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" } });
    await expectDone(["arca", "hours", "priceList", "team", "whatsapp"]);

    await connectSandboxSeller(orgId);
    const all = await checklist();
    expect(all).toMatchObject({ doneCount: 6, visible: false });

    await adminDb().mercadoPagoConnection.update({ where: { organizationId: orgId }, data: { status: "REVOKED" } });
    await adminDb().user.update({ where: { id: tech.id }, data: { isActive: false } });
    expect(await checklist()).toMatchObject({ doneCount: 4, visible: true });
    expect(await doneKeys()).toEqual(["arca", "hours", "priceList", "whatsapp"]);
  });

  it("dismissing hides it for good (once, audited) without changing the progress", async () => {
    const first = await withTenant(orgId, (tx) => dismissOnboarding(tx, { organizationId: orgId, userId: ownerId }, NOW));
    expect(first.dismissedAt.toISOString()).toBe(NOW.toISOString());
    const again = await withTenant(orgId, (tx) => dismissOnboarding(tx, { organizationId: orgId, userId: ownerId }, new Date(NOW.getTime() + 60_000)));
    expect(again.dismissedAt.toISOString()).toBe(NOW.toISOString());
    expect(await checklist()).toMatchObject({ doneCount: 4, visible: false, dismissedAt: NOW });
    expect(await adminDb().auditLog.count({ where: { organizationId: orgId, action: "onboarding.dismissed" } })).toBe(1);
    expect((await verifyAuditChain({ organizationId: orgId })).ok).toBe(true);
  });
});
