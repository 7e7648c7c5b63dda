import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../../src/lib/db";
import { env } from "../../../src/lib/env";
import { closeSharedRedis } from "../../../src/lib/redis";
import { listAvailableNumbers } from "../../../src/modules/number-provisioning/list-available-numbers";
import { reserveNumber } from "../../../src/modules/number-provisioning/reserve-number";
import { createOrganization } from "../../../src/modules/organizations/create-organization";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// issue 19 (provisioning): the operator commands, against the suite's sandbox (DIALOG360_PARTNER_API_URL).
const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;
const cli = (...args: string[]) => {
  const r = spawnSync(bin, args, { encoding: "utf8", env: process.env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let orgId: string;
beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const { organization } = await createOrganization(adminDb(), { name: "Electro Oeste", cuit: "30-71234567-1", tier: "EMPRESARIAL", ownerPhone: "011 15 4444-7777" });
  orgId = organization.id;
});
afterAll(async () => {
  await closeSharedRedis();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

describe("campotech whatsapp provisioning", () => {
  it("shows, refuses to suspend what is not active, and resets a reservation", async () => {
    const [number] = await listAvailableNumbers(orgId, { areaCode: "221" });
    await reserveNumber(orgId, { numberId: number!.id }, { type: "USER" });

    const shown = cli("whatsapp", "provisioning", "--org", orgId);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("PENDING_NUMBER_SELECTION (número reservado, falta pedir el código)");
    expect(shown.stdout).toContain(`Número:        ${number!.phoneNumber}  (área 221)`);

    const suspend = cli("whatsapp", "provisioning", "suspend", "--org", orgId, "--reason", "mora");
    expect(suspend.code).toBe(1);
    expect(suspend.stderr).toMatch(/Solo se puede suspender un número activo/);

    const reset = cli("whatsapp", "provisioning", "reset", "--org", orgId, "--json");
    expect(reset.code, reset.stderr).toBe(0);
    expect(JSON.parse(reset.stdout)).toMatchObject({ status: "NOT_STARTED", phoneNumber: null });
    expect((await listAvailableNumbers(orgId, { areaCode: "221" })).map((n) => n.id)).toContain(number!.id);
    const audit = await adminDb().auditLog.findFirst({ where: { organizationId: orgId, action: "provisioning.reset" } });
    expect(audit).toMatchObject({ actorType: "OPERATOR" });
  }, 240_000); // each CLI call boots tsx (seconds on a busy machine)
});
