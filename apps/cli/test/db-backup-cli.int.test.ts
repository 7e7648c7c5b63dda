import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, withTenant } from "../../../database/src";
import { backupDatabase, restoreDatabase, tableRowCounts } from "../../../database/src/backup";
import { adminQuery, resetDatabase } from "../../../database/testing/reset";
import { DEMO_ORG, seedDemo } from "../../../database/seed";
import { encryptJson, encryptSecret } from "../../../src/lib/crypto";
import { adminDb, withTenant as withTenantHere } from "../../../src/lib/db";
import { env } from "../../../src/lib/env";
import { appendAuditLog } from "../../../src/modules/audit/append-audit-log";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// The restore drill of docs/deploy.md (issue 22): seed, dump, restore into a fresh database through the real binary,
// and check that it is the same data with the same protections — not just that pg_restore exited 0. (One CLI run:
// each costs seconds of tsx start-up; the backup side calls the command's function directly.)
const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;
function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(bin, args, { encoding: "utf8", env: { ...process.env, ...extraEnv } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}
const onDatabase = (url: string, database: string) => Object.assign(new URL(url), { pathname: `/${database}` }).toString();

const source = new URL(env.DATABASE_ADMIN_URL).pathname.slice(1);
const RESTORED = `${source}_restored`.slice(0, 63);
let dir: string;

async function dropRestored() {
  await adminQuery(onDatabase(env.DATABASE_ADMIN_URL, "postgres"), `DROP DATABASE IF EXISTS ${RESTORED} WITH (FORCE)`);
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await dropRestored();
  dir = await mkdtemp(join(tmpdir(), "campotech-backup-"));
  await seedDemo(adminDb(), { seal: (v) => encryptJson(v), sealSecret: (v) => encryptSecret(v) });
  for (const action of ["backup.drill", "backup.drill.again"]) {
    await withTenantHere(DEMO_ORG.id, (tx) => appendAuditLog(tx, { organizationId: DEMO_ORG.id, actorType: "SYSTEM", action, entityType: "Organization", entityId: DEMO_ORG.id }));
  }
});
afterAll(async () => {
  await dropRestored();
  await rm(dir, { recursive: true, force: true });
});

describe("campotech db backup / db restore", () => {
  it("restores a dump into a fresh database with the same rows, RLS, grants and migrations ledger", async () => {
    const file = join(dir, "campotech.dump");
    const backup = await backupDatabase({ adminUrl: env.DATABASE_ADMIN_URL, out: file });
    const before = await tableRowCounts(env.DATABASE_ADMIN_URL);
    expect(backup.tables).toEqual(before);
    expect(before.Customer).toBeGreaterThan(0);
    expect(before.AuditLog).toBe(2);

    const restore = cli(["db", "restore", "--from", file, "--into", RESTORED, "--json"]);
    expect(restore.code, restore.stderr).toBe(0);
    const restored = restore.json();
    expect(restored).toMatchObject({ database: RESTORED, migrations: { applied: [] } });
    // Row counts per table (the migrations ledger included) match the source exactly.
    expect(restored.tables).toEqual(before);
    expect(await tableRowCounts(onDatabase(env.DATABASE_ADMIN_URL, RESTORED))).toEqual(before);
    const ledger = (url: string) => adminQuery<{ name: string; checksum: string }>(url, "SELECT name, checksum FROM _campotech_migrations ORDER BY name");
    expect(await ledger(onDatabase(env.DATABASE_ADMIN_URL, RESTORED))).toEqual(await ledger(env.DATABASE_ADMIN_URL));

    // Same RLS flags and policies on every table.
    const protections = (url: string) =>
      adminQuery(url, `SELECT c.relname, c.relrowsecurity, (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
                         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`);
    expect(await protections(onDatabase(env.DATABASE_ADMIN_URL, RESTORED))).toEqual(await protections(env.DATABASE_ADMIN_URL));

    // The application role can connect and is confined to its tenant in the restored database.
    const app = createPrismaClient({ connectionString: onDatabase(env.DATABASE_URL, RESTORED), poolSize: 2 });
    try {
      const sourceCustomers = before.Customer;
      expect(await withTenant(app, DEMO_ORG.id, (tx) => tx.customer.count())).toBe(sourceCustomers);
      expect(await withTenant(app, "another-org", (tx) => tx.customer.count())).toBe(0);
      expect(await app.customer.count()).toBe(0);
      await expect(app.$executeRawUnsafe(`DELETE FROM _campotech_migrations`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.$disconnect();
    }

    // The audit hash chain came across row for row (campotech audit verify checks it against DATABASE_URL).
    const chain = (url: string) => adminQuery(url, `SELECT "organizationId", seq, "prevHash", hash, action FROM "AuditLog" ORDER BY "organizationId", seq`);
    const restoredChain = await chain(onDatabase(env.DATABASE_ADMIN_URL, RESTORED));
    expect(restoredChain).toHaveLength(2);
    expect(restoredChain).toEqual(await chain(env.DATABASE_ADMIN_URL));

    // Never over an existing database.
    await expect(restoreDatabase({ adminUrl: env.DATABASE_ADMIN_URL, appUrl: env.DATABASE_URL, from: file, into: RESTORED })).rejects.toThrow(/already exists/);
  });
});
