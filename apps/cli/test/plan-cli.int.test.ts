import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../../src/lib/db";
import { env } from "../../../src/lib/env";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// campotech org plan-requests / plan-apply: the operators' side of "Pedir el cambio a <plan>", through the real binary.
const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;
function cli(...args: string[]) {
  const result = spawnSync(bin, args, { encoding: "utf8", env: process.env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

const DAY = 86_400_000;
beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: "pc-a", name: "Gas Norte", cuit: "30712345671", tier: "PROFESIONAL", trialEndsAt: new Date(Date.now() + 5 * DAY) } });
  await admin.organization.create({ data: { id: "pc-b", name: "Frío Sur", cuit: "20267565393", tier: "FREE" } });
  await admin.user.create({ data: { id: "pc-owner", organizationId: "pc-a", phone: "+5491144445555", name: "Marta", role: "OWNER" } });
  await admin.planChangeRequest.create({ data: { id: "pcr-a", organizationId: "pc-a", fromTier: "PROFESIONAL", toTier: "PROFESIONAL", requestedById: "pc-owner", note: "Nos quedamos" } });
  await admin.planChangeRequest.create({ data: { id: "pcr-b", organizationId: "pc-b", fromTier: "FREE", toTier: "INICIAL" } });
  await admin.planChangeRequest.create({ data: { id: "pcr-old", organizationId: "pc-b", fromTier: "FREE", toTier: "ENTERPRISE", status: "CANCELLED" } });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("campotech org plan-requests / plan-apply", () => {
  it("lists the pending requests of every organization", () => {
    const r = cli("org", "plan-requests", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().map((x: { id: string }) => x.id)).toEqual(["pcr-a", "pcr-b"]);
    expect(r.json()[0]).toMatchObject({ organizationName: "Gas Norte", toTier: "PROFESIONAL", requestedBy: { name: "Marta", phone: "+5491144445555" }, note: "Nos quedamos" });
    expect(cli("org", "plan-requests").stdout).toMatch(/pcr-b {2}Frío Sur \(pc-b\) {2}FREE → INICIAL/);
  });

  it("applies one (the trial ends), rejects another, and audits both", async () => {
    const applied = cli("org", "plan-apply", "--request", "pcr-a");
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/Plan aplicado: la organización pc-a ahora está en PROFESIONAL/);
    expect(await adminDb().organization.findUniqueOrThrow({ where: { id: "pc-a" }, select: { tier: true, trialEndsAt: true } })).toEqual({ tier: "PROFESIONAL", trialEndsAt: null });

    const rejected = cli("org", "plan-apply", "--request", "pcr-b", "--reject", "--json");
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.json()).toMatchObject({ status: "REJECTED", tier: "FREE" });
    expect((await adminDb().organization.findUniqueOrThrow({ where: { id: "pc-b" } })).tier).toBe("FREE");

    const audit = await adminDb().auditLog.findMany({ where: { action: { startsWith: "plan.change_" } }, select: { organizationId: true, action: true, actorType: true }, orderBy: { organizationId: "asc" } });
    expect(audit).toEqual([
      { organizationId: "pc-a", action: "plan.change_applied", actorType: "OPERATOR" },
      { organizationId: "pc-b", action: "plan.change_rejected", actorType: "OPERATOR" },
    ]);
    expect(cli("org", "plan-requests").stdout).toMatch(/No hay pedidos de cambio de plan pendientes/);
  });

  it("refuses unknown, already decided and cancelled requests", () => {
    expect(cli("org", "plan-apply", "--request", "nope", "--json").json().error.code).toBe("NOT_FOUND");
    expect(cli("org", "plan-apply", "--request", "pcr-b", "--json").json().error.code).toBe("CONFLICT");
    expect(cli("org", "plan-apply", "--request", "pcr-old").stderr).toMatch(/El pedido ya está cancelado/);
    const missing = cli("org", "plan-apply");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/falta --request/);
  });
});
