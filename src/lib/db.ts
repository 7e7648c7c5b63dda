import { createPrismaClient, withTenant as withTenantOn, type TenantTx } from "@campotech/database";
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

// Operator tooling (CLI, seed, migrations) connects as the owner role, which RLS does not restrict.
let adminClient: ReturnType<typeof createPrismaClient> | undefined;
export function adminDb() {
  adminClient ??= createPrismaClient({ connectionString: env.DATABASE_ADMIN_URL, poolSize: 3 });
  return adminClient;
}

export type { TenantTx };
