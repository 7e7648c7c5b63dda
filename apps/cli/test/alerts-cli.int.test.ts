import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../../src/lib/db";
import { env } from "../../../src/lib/env";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// campotech alerts evaluate / list: an operator runs one evaluation now and reads what is open, through the binary.
const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;
function cli(...args: string[]) {
  const result = spawnSync(bin, args, { encoding: "utf8", env: { ...process.env, PLATFORM_ALERT_EMAILS: "", PLATFORM_ALERT_ORGANIZATION_ID: "" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: "al-a", name: "Gas Norte", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.waTemplate.create({ data: { id: "tpl-promo", organizationId: "al-a", name: "promo", category: "MARKETING", status: "REJECTED", components: [] } });
  await admin.panicMode.create({ data: { organizationId: "al-a", integration: "sms:twilio", reason: "Twilio devolvió 401" } });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("campotech alerts", () => {
  it("evaluates now, lists what is open, and lists resolved ones with --all", async () => {
    const first = cli("alerts", "evaluate", "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(first.json().fired.sort()).toEqual(["panic_mode:al-a:sms:twilio", "template_rejected:al-a:tpl-promo"]);
    expect(first.json().failedRules).toEqual([]);
    // The organization has no owner and no operator is configured: nobody to tell, and it says so.
    expect(first.json().notices).toEqual(expect.arrayContaining([expect.objectContaining({ channel: "none", status: "skipped" })]));

    const again = cli("alerts", "evaluate");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/En alerta \(2\):/);
    expect(again.stdout).not.toMatch(/Nuevas:/);

    const open = cli("alerts", "list", "--json");
    expect(open.json().map((a: { kind: string; status: string }) => [a.kind, a.status]).sort()).toEqual([["panic_mode", "OPEN"], ["template_rejected", "OPEN"]]);
    expect(cli("alerts", "list").stdout).toMatch(/ABIERTA {2}template_rejected:al-a:tpl-promo {2}Plantilla rechazada: promo/);

    await adminDb().waTemplate.update({ where: { id: "tpl-promo" }, data: { status: "APPROVED" } });
    expect(cli("alerts", "evaluate", "--json").json().resolved).toEqual(["template_rejected:al-a:tpl-promo"]);
    const all = cli("alerts", "list", "--all", "--json").json() as { kind: string; status: string }[];
    expect(all.map((a) => [a.kind, a.status]).sort()).toEqual([["panic_mode", "OPEN"], ["template_rejected", "RESOLVED"]]);
  }, 240_000); // each CLI call boots tsx (seconds on a busy machine)

  it("refuses unknown options with exit 2", () => {
    const bad = cli("alerts", "list", "--org", "x");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Uso: campotech alerts list/);
  }, 60_000);
});
