import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { listPlatformOperators, isPlatformOperator } from "./platform-operator-access";
import { setPlatformOperator } from "./set-platform-operator";

const ORG = "org-operators-a";
const OTHER = "org-operators-b";

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await adminDb().organization.create({ data: { id: ORG, name: "CampoTech", cuit: "30712345671" } });
  await adminDb().organization.create({ data: { id: OTHER, name: "Otra", cuit: "20267565393" } });
  await adminDb().user.create({ data: { id: "u-staff", organizationId: ORG, phone: "+5491144445555", name: "Staff", role: "OWNER" } });
  await adminDb().user.create({ data: { id: "u-twice-a", organizationId: ORG, phone: "+5491155556666", name: "Doble", role: "ADMIN" } });
  await adminDb().user.create({ data: { id: "u-twice-b", organizationId: OTHER, phone: "+5491155556666", name: "Doble", role: "OWNER" } });
});

describe("platform operators", () => {
  it("grants by phone in any format, is idempotent, audited, and revocable", async () => {
    expect(await withTenant(ORG, (tx) => isPlatformOperator(tx, "u-staff"))).toBe(false);
    const granted = await setPlatformOperator(adminDb(), { user: "011 15 4444-5555", grant: true });
    expect(granted).toMatchObject({ userId: "u-staff", platformOperator: true, changed: true });
    expect(await setPlatformOperator(adminDb(), { user: "u-staff", grant: true })).toMatchObject({ changed: false });
    expect(await withTenant(ORG, (tx) => isPlatformOperator(tx, "u-staff"))).toBe(true);
    expect(await listPlatformOperators(adminDb())).toEqual([
      { userId: "u-staff", organizationId: ORG, organizationName: "CampoTech", name: "Staff", phone: "+5491144445555" },
    ]);

    await setPlatformOperator(adminDb(), { user: "u-staff", grant: false });
    expect(await withTenant(ORG, (tx) => isPlatformOperator(tx, "u-staff"))).toBe(false);
    const actions = (await adminDb().auditLog.findMany({ where: { organizationId: ORG }, orderBy: { seq: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["platform.operator_granted", "platform.operator_revoked"]);
  });

  it("asks for the organization when the phone is in several, and a deactivated operator is not one", async () => {
    await expect(setPlatformOperator(adminDb(), { user: "+5491155556666", grant: true })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await setPlatformOperator(adminDb(), { user: "+5491155556666", organizationId: OTHER, grant: true });
    expect(await withTenant(OTHER, (tx) => isPlatformOperator(tx, "u-twice-b"))).toBe(true);
    expect(await withTenant(ORG, (tx) => isPlatformOperator(tx, "u-twice-a"))).toBe(false);
    await adminDb().user.update({ where: { id: "u-twice-b" }, data: { isActive: false } });
    expect(await withTenant(OTHER, (tx) => isPlatformOperator(tx, "u-twice-b"))).toBe(false);
    // Another organization's context cannot see the row at all.
    expect(await withTenant(ORG, (tx) => isPlatformOperator(tx, "u-twice-b"))).toBe(false);
  });
});
