import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../../src/lib/db";
import { env } from "../../../src/lib/env";
import { seedPlatformStatsMonth } from "../../../src/modules/platform-stats/platform-stats-fixture";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// campotech stats: the platform report for the BSP application, through the real binary, on the seeded November
// (the numbers are counted by hand in src/modules/platform-stats/platform-stats.int.test.ts).
const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;
function cli(...args: string[]) {
  const result = spawnSync(bin, args, { encoding: "utf8", env: process.env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedPlatformStatsMonth(adminDb());
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("campotech stats", () => {
  it("prints the report as JSON for a period", () => {
    const r = cli("stats", "--from", "2026-11-01", "--to", "2026-11-30", "--json");
    expect(r.code, r.stderr).toBe(0);
    const report = r.json();
    expect(report.period).toMatchObject({ from: "2026-11-01", to: "2026-11-30", days: 30 });
    expect(report.organizations).toEqual({ total: 4, active: 3, withAssistant: 1 });
    expect(report.messages).toMatchObject({ inbound: 10, outbound: 16, templates: 5 });
    expect(report.delivery.successRate).toBe(0.8);
    expect(report.bspTriggers.map((t: { key: string; met: boolean | null }) => [t.key, t.met])).toEqual([
      ["clientsWithAi", false], ["monthlyVolume", false], ["monthlyCost", null], ["uptime", true], ["webhookP95", false],
    ]);
  });

  it("prints Markdown by default and with --markdown", () => {
    const r = cli("stats", "--from", "2026-11-01", "--to", "2026-11-30", "--markdown");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("| Disponibilidad (90 días) | 99,94 % | ≥ 99,9 % | ✅ cumple |");
    expect(r.stdout).toContain("| Frío Sur | 3 | 5 | 1 | 8 |");
    expect(cli("stats", "--from", "2026-11-01", "--to", "2026-11-30").stdout).toBe(r.stdout);
  });

  it("defaults to the last 30 days and refuses bad dates in Spanish", () => {
    const r = cli("stats", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().period.days).toBe(30);
    const bad = cli("stats", "--from", "2026-11-31", "--to", "2026-12-01");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Esa fecha no existe/);
    const reversed = cli("stats", "--from", "2026-11-30", "--to", "2026-11-01", "--json");
    expect(reversed.json().error).toMatchObject({ code: "VALIDATION_FAILED", fields: { to: "La fecha «hasta» tiene que ser igual o posterior a «desde»." } });
    expect(cli("stats", "--desde", "2026-11-01").code).toBe(2);
  });
});
