import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client.ts";
import { createPrismaClient, runTenantStatements, withTenantSql, type Database } from "../src";
import { adminQuery, resetDatabase } from "../testing/reset";

// issue 22 (outbound): the delivery engine's plain-SQL transactions. As the application role (RLS on): each
// statement of a batch sees only its own organization, values arrive intact however they are quoted, timestamps
// read back as the UTC instants they are, and a failing batch leaves nothing behind.
const adminUrl = process.env.DATABASE_ADMIN_URL as string;
const appUrl = process.env.DATABASE_URL as string;
const A = "org-sql-a";
const B = "org-sql-b";
const STAMP = "2026-07-09 23:45:06.789"; // stored as UTC, the way Prisma writes timestamps

let db: Database;

beforeAll(async () => {
  await resetDatabase(adminUrl);
  for (const [id, cuit] of [[A, "30712345671"], [B, "20267565393"]] as const) {
    await adminQuery(adminUrl, `INSERT INTO "Organization" (id, name, cuit, tier, "updatedAt") VALUES ($1, $1, $2, 'PROFESIONAL', $3)`, [id, cuit, STAMP]);
    await adminQuery(adminUrl, `INSERT INTO "Customer" (id, "organizationId", name, "updatedAt") VALUES ($1, $2, $3, now())`, [`${id}-c`, id, `Cliente ${id}`]);
  }
  db = createPrismaClient({ connectionString: appUrl, poolSize: 2 });
});

afterAll(async () => {
  await db?.$disconnect();
});

const names = Prisma.sql`SELECT "organizationId", "name" FROM "Customer" ORDER BY "id"`;

describe("runTenantStatements", () => {
  it("runs each statement with its own organization set, in one transaction", async () => {
    const results = await runTenantStatements<{ organizationId: string; txid: string }>(db, [
      { organizationId: A, sql: Prisma.sql`SELECT "organizationId", txid_current()::text AS txid FROM "Customer"` },
      { organizationId: B, sql: Prisma.sql`SELECT "organizationId", txid_current()::text AS txid FROM "Customer"` },
      { organizationId: A, sql: Prisma.sql`SELECT "organizationId", txid_current()::text AS txid FROM "Customer"` },
    ]);
    expect(results.map((rows) => rows.map((r) => r.organizationId))).toEqual([[A], [B], [A]]);
    expect(new Set(results.flat().map((r) => r.txid)).size).toBe(1);
    // Nothing stays on the pooled connection afterwards: outside a tenant transaction RLS shows nothing.
    expect(await db.customer.count()).toBe(0);
  });

  it("inlines values as literals that arrive exactly as given, quotes and backslashes included", async () => {
    const tricky = `O'Brien \\ "Gómez"; DROP TABLE "Customer"; --`;
    const [[row]] = await runTenantStatements<{ text: string; n: number; flag: boolean; nothing: null }>(db, [
      { organizationId: A, sql: Prisma.sql`SELECT ${tricky}::text AS text, ${42}::int AS n, ${true}::boolean AS flag, ${null}::text AS nothing` },
    ]);
    expect(row).toEqual({ text: tricky, n: 42, flag: true, nothing: null });
    const [[customer]] = await runTenantStatements<{ n: number }>(db, [{ organizationId: A, sql: Prisma.sql`SELECT count(*)::int AS n FROM "Customer"` }]);
    expect(customer!.n).toBe(1);
  });

  it("reads timestamp columns as the UTC instants Prisma stored", async () => {
    const [[org]] = await runTenantStatements<{ updatedAt: Date }>(db, [{ organizationId: A, sql: Prisma.sql`SELECT "updatedAt" FROM "Organization"` }]);
    expect(org!.updatedAt.toISOString()).toBe("2026-07-09T23:45:06.789Z");
    expect(org!.updatedAt.getTime()).toBe((await db.$queryRaw<{ t: Date }[]>`SELECT ${STAMP}::timestamp AS t`)[0]!.t.getTime());
  });

  it("a failing statement rolls the whole batch back and the connection stays usable", async () => {
    const rename = (org: string, name: string) => Prisma.sql`UPDATE "Customer" SET "name" = ${name} WHERE "organizationId" = ${org} RETURNING "name"`;
    await expect(runTenantStatements(db, [
      { organizationId: A, sql: rename(A, "cambiado") },
      { organizationId: B, sql: Prisma.sql`SELECT 1 / 0` },
    ])).rejects.toThrow(/division by zero/);
    const after = await runTenantStatements<{ organizationId: string; name: string }>(db, [{ organizationId: A, sql: names }, { organizationId: B, sql: names }]);
    expect(after.map((rows) => rows[0]!.name)).toEqual([`Cliente ${A}`, `Cliente ${B}`]);
  });

  // The SET LOCAL rides in the same simple-query message as the statements; Postgres (13+) arms the timeout per
  // statement, so it bounds each of them — a stuck batch cannot hold a worker's connection for ever.
  it("bounds each statement of the batch by the statement timeout", async () => {
    await expect(runTenantStatements(db, [{ organizationId: A, sql: Prisma.sql`SELECT pg_sleep(5)` }], { timeoutMs: 200 })).rejects.toThrow(/statement timeout/);
    await expect(withTenantSql(db, A, (tx) => tx.query(Prisma.sql`SELECT pg_sleep(5)`), { timeoutMs: 200 })).rejects.toThrow(/statement timeout/);
  });

  it("holds each statement's advisory lock to the commit", async () => {
    const lock = { namespace: 4004, key: "wamid.lock-test" };
    let released = false;
    const holder = withTenantSql(db, A, async (tx) => {
      await tx.query(Prisma.sql`SELECT pg_sleep(0.3)`);
      released = true;
      return tx.query(names);
    }, { advisoryLock: lock });
    await new Promise((r) => setTimeout(r, 100));
    // Waits for the holder's commit before its statement runs.
    const [[row]] = await runTenantStatements<{ done: boolean }>(db, [{ organizationId: B, advisoryLock: lock, sql: Prisma.sql`SELECT true AS done` }]);
    expect(row!.done).toBe(true);
    expect(released).toBe(true);
    expect((await holder).map((r) => (r as { organizationId: string }).organizationId)).toEqual([A]);
  });
});
