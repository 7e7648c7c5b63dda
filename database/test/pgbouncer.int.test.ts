import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPgBouncer, type PgBouncer } from "../../src/lib/testing/pgbouncer";
import { createPrismaClient, withTenant, type Database } from "../src";
import { adminQuery, resetDatabase } from "../testing/reset";

// Tenant isolation behind a transaction-pooling proxy (issue 22). PgBouncer in pool_mode=transaction hands each
// transaction whichever server connection is free, so anything left on a connection outside a transaction reaches
// the next client. withTenant sets the organization with set_config(..., is_local = true): it must end with the
// transaction. Many concurrent clients over a pool of 2 server connections must never see the other tenant's rows.
const adminUrl = process.env.DATABASE_ADMIN_URL as string;
const database = new URL(adminUrl).pathname.slice(1);
const A = "org-pgb-a";
const B = "org-pgb-b";
const CUSTOMERS = 5;

let bouncer: PgBouncer;
let db: Database;

beforeAll(async () => {
  await resetDatabase(adminUrl);
  for (const [id, cuit] of [[A, "30712345671"], [B, "20267565393"]] as const) {
    await adminQuery(adminUrl, `INSERT INTO "Organization" (id, name, cuit, tier, "updatedAt") VALUES ($1, $1, $2, 'PROFESIONAL', now())`, [id, cuit]);
    for (let i = 0; i < CUSTOMERS; i++) {
      await adminQuery(adminUrl, `INSERT INTO "Customer" (id, "organizationId", name, "updatedAt") VALUES ($1, $2, $3, now())`, [`${id}-c${i}`, id, `Cliente ${id}`]);
    }
  }
  bouncer = await startPgBouncer({
    // "pooled" is what the application would use; "single" has one server connection, for the control below.
    databases: [{ name: "pooled", dbname: database }, { name: "single", dbname: database, poolSize: 1 }],
    users: ["campotech_app"],
    poolMode: "transaction",
    defaultPoolSize: 2,
  });
  // Ten client connections over two server connections: transactions must take turns on the same backends.
  db = createPrismaClient({ connectionString: bouncer.url("campotech_app", "campotech_app", "pooled"), poolSize: 10 });
});

afterAll(async () => {
  await db?.$disconnect();
  await bouncer?.stop();
});

describe("behind PgBouncer in transaction mode", () => {
  it("concurrent withTenant transactions of two organizations each see only their own rows", async () => {
    const runs = Array.from({ length: 120 }, (_, i) => (i % 2 ? A : B));
    const seen = await Promise.all(
      runs.map((organizationId) =>
        withTenant(db, organizationId, async (tx) => {
          const [{ pid, setting }] = await tx.$queryRaw<{ pid: number; setting: string }[]>`
            SELECT pg_backend_pid() AS pid, current_setting('app.current_organization_id', true) AS setting`;
          // A second statement after a yield: another transaction may run on another backend meanwhile, never on ours.
          await tx.$executeRaw`SELECT pg_sleep(0.002)`;
          const customers = await tx.customer.findMany({ select: { organizationId: true } });
          const raw = await tx.$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "Customer"`;
          return { organizationId, pid, setting, orgs: [...customers, ...raw].map((c) => c.organizationId) };
        }),
      ),
    );
    for (const run of seen) {
      expect(run.setting).toBe(run.organizationId);
      expect(run.orgs).toHaveLength(2 * CUSTOMERS);
      expect(new Set(run.orgs)).toEqual(new Set([run.organizationId]));
    }
    // The proxy really multiplexed: 120 transactions from 10 client connections ran on at most 2 backends.
    const backends = new Set(seen.map((r) => r.pid));
    expect(backends.size).toBeGreaterThanOrEqual(1);
    expect(backends.size).toBeLessThanOrEqual(2);

    // Outside a transaction, on the same recycled backends, RLS still denies everything: nothing was left behind.
    const leftovers = await Promise.all(Array.from({ length: 10 }, () => db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Customer"`));
    expect(leftovers.map((r) => r[0]!.n)).toEqual(Array(10).fill(0));
    expect(await db.customer.count()).toBe(0);
  });

  it("control: a session-level setting would leak to the next client of the same backend", async () => {
    // The mistake withTenant avoids (is_local = false), on a one-connection pool so the next client gets that backend.
    const url = bouncer.url("campotech_app", "campotech_app", "single");
    const careless = new pg.Client({ connectionString: url });
    const victim = new pg.Client({ connectionString: url });
    await careless.connect();
    await victim.connect();
    try {
      await careless.query(`SELECT set_config('app.current_organization_id', $1, false)`, [A]);
      const { rows } = await victim.query<{ organizationId: string }>(`SELECT "organizationId" FROM "Customer"`);
      expect(rows).toHaveLength(CUSTOMERS);
      expect(new Set(rows.map((r) => r.organizationId))).toEqual(new Set([A]));
      // The transaction-local form on the same single backend leaves nothing for the next client.
      await careless.query(`RESET app.current_organization_id`);
      await careless.query("BEGIN");
      await careless.query(`SELECT set_config('app.current_organization_id', $1, true)`, [B]);
      expect((await careless.query(`SELECT count(*)::int AS n FROM "Customer"`)).rows[0].n).toBe(CUSTOMERS);
      await careless.query("COMMIT");
      expect((await victim.query(`SELECT count(*)::int AS n FROM "Customer"`)).rows[0].n).toBe(0);
    } finally {
      await careless.end();
      await victim.end();
    }
  });
});
