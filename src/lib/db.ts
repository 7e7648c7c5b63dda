import { createPrismaClient, withTenant as withTenantOn, runTenantStatements, withTenantSql as withTenantSqlOn, type SqlTx, type TenantStatement, type TenantTx } from "@campotech/database";
import { env } from "./env";

// The process's one Prisma client, connected as the application role (subject to RLS).
export const db = createPrismaClient({ connectionString: env.DATABASE_URL });

// Runs fn in one transaction with the organization set for RLS. Every request and every job goes through here.
export function withTenant<T>(organizationId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return withTenantOn(db, organizationId, fn);
}

// issue 22 (outbound): the same, holding a transaction-scoped advisory lock taken with the tenant setting.
export function withTenantLocked<T>(organizationId: string, lock: { namespace: number; key: string }, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return withTenantOn(db, organizationId, fn, { advisoryLock: lock });
}

// issue 22 (outbound): the same in plain SQL (no Prisma transaction machinery) for the delivery engine's hot path.
export function withTenantSql<T>(
  organizationId: string,
  fn: (tx: SqlTx) => Promise<T>,
  options: { advisoryLock?: { namespace: number; key: string } } = {},
): Promise<T> {
  return withTenantSqlOn(db, organizationId, fn, options);
}

// issue 22 (outbound): several organizations' statements in one transaction and one round trip (see
// runTenantStatements); each statement runs with its own organization set, under RLS.
export function tenantStatements<R>(statements: TenantStatement[]): Promise<R[][]> {
  return runTenantStatements<R>(db, statements);
}

// issue 22 (outbound): each statement's first row (or null), all in one tenantStatements round trip, advisory locks
// taken in key order (so two batches never wait on each other in a cycle). If the batch fails, each statement runs
// on its own (withTenantSql, with its lock), so one bad item fails only itself: its slot holds its Error.
export async function tenantFirstRows<R>(statements: TenantStatement[]): Promise<(R | null | Error)[]> {
  const lockKey = (i: number) => statements[i]!.advisoryLock?.key ?? "";
  const order = statements.map((_, i) => i).sort((a, b) => (lockKey(a) < lockKey(b) ? -1 : lockKey(a) > lockKey(b) ? 1 : 0));
  const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
  try {
    const results = await tenantStatements<R>(order.map((i) => statements[i]!));
    const rows: (R | null)[] = new Array(statements.length);
    order.forEach((i, k) => {
      rows[i] = results[k]![0] ?? null;
    });
    return rows;
  } catch (error) {
    if (statements.length === 1) return [asError(error)];
    return Promise.all(statements.map((s) =>
      withTenantSql(s.organizationId, (tx) => tx.query<R>(s.sql), s.advisoryLock ? { advisoryLock: s.advisoryLock } : {}).then((rows) => rows[0] ?? null, asError)));
  }
}

// Operator tooling (CLI, seed, migrations) connects as the owner role, which RLS does not restrict.
let adminClient: ReturnType<typeof createPrismaClient> | undefined;
export function adminDb() {
  adminClient ??= createPrismaClient({ connectionString: env.DATABASE_ADMIN_URL, poolSize: 3 });
  return adminClient;
}

export type { SqlTx, TenantTx };
