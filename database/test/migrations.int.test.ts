import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "../../src/lib/env";
import { listMigrations, migrate, MIGRATIONS_DIR } from "../src/migrate";
import { adminQuery } from "../testing/reset";

const tool = new URL("../tools/schema-sql.mjs", import.meta.url).pathname;
const schemaPath = new URL("../schema.prisma", import.meta.url).pathname;
const EMPTY = "-- This is an empty migration.";

function diffMigrations(schema = schemaPath, migrations = MIGRATIONS_DIR): string {
  return execFileSync(process.execPath, [tool, "diff-migrations", "--url", env.DATABASE_ADMIN_URL, "--schema", schema, "--migrations", migrations], {
    encoding: "utf8",
  }).trim();
}

describe("schema.prisma and the committed migrations", () => {
  it("do not drift apart", () => {
    expect(diffMigrations()).toBe(EMPTY);
  });

  it("the drift check catches a schema change without a migration", () => {
    const dir = mkdtempSync(join(tmpdir(), "campotech-drift-"));
    const changed = readFileSync(schemaPath, "utf8").replace("model Customer {", "model Customer {\n  loyaltyPoints Int @default(0)");
    writeFileSync(join(dir, "schema.prisma"), changed);
    const sql = diffMigrations(join(dir, "schema.prisma"));
    expect(sql).toContain(`ADD COLUMN     "loyaltyPoints" INTEGER NOT NULL DEFAULT 0`);
  });
});

describe("the migration runner", () => {
  const scratch = `campotech_migrate_${process.pid}`;
  const adminUrl = env.DATABASE_ADMIN_URL.replace(/\/[^/]+$/, `/${scratch}`);
  const appUrl = env.DATABASE_URL.replace(/\/[^/]+$/, `/${scratch}`);

  afterAll(async () => {
    await adminQuery(env.DATABASE_ADMIN_URL.replace(/\/[^/]+$/, "/postgres"), `DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  });

  it("creates the database, applies every migration once, records them, and is safe to run twice", async () => {
    const first = await migrate({ adminUrl, appUrl });
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const second = await migrate({ adminUrl, appUrl });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    const ledger = await adminQuery<{ name: string }>(adminUrl, "SELECT name FROM _campotech_migrations ORDER BY name");
    expect(ledger.map((r) => r.name)).toEqual(first.applied);
  });

  it("runs concurrently without applying anything twice", async () => {
    const results = await Promise.all([migrate({ adminUrl, appUrl }), migrate({ adminUrl, appUrl })]);
    expect(results.flatMap((r) => r.applied)).toEqual([]);
  });

  it("two databases migrating at once (the shared role row) both succeed", async () => {
    // ALTER ROLE / GRANT on the cluster-wide catalog from two databases at the same instant used to fail one side with
    // "tuple concurrently updated" (a CI run beside a developer's checkout).
    const other = { adminUrl: env.DATABASE_ADMIN_URL, appUrl: env.DATABASE_URL };
    const runs = Array.from({ length: 8 }, (_, i) => migrate(i % 2 ? { adminUrl, appUrl } : other));
    const results = await Promise.all(runs);
    // Whatever order they ran in, each database got each migration at most once (the scratch one may be fresh when
    // this test runs alone).
    for (const database of new Set(results.map((r) => r.database))) {
      const applied = results.filter((r) => r.database === database).flatMap((r) => r.applied);
      expect(new Set(applied).size).toBe(applied.length);
    }
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const dir = mkdtempSync(join(tmpdir(), "campotech-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = listMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate({ adminUrl, appUrl, migrationsDir: dir })).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration and reports it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "campotech-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const bad = join(dir, "29990101000000_broken");
    cpSync(join(dir, listMigrations(dir)[0]!.name), bad, { recursive: true });
    writeFileSync(join(bad, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;`);
    await expect(migrate({ adminUrl, appUrl, migrationsDir: dir })).rejects.toThrow(/29990101000000_broken failed/);
    const tables = await adminQuery(adminUrl, "SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
    expect(tables).toEqual([]);
  });
});
