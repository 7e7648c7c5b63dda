import type { Database } from "./client";

export type TenantTx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

// The RLS policies read this setting. It is set with is_local = true, so it lives exactly as long as the
// transaction: a pooled connection never carries one organization's context into another request.
export const TENANT_SETTING = "app.current_organization_id";

export async function withTenant<T>(
  db: Database,
  organizationId: string,
  fn: (tx: TenantTx) => Promise<T>,
  // issue 22 (outbound): `advisoryLock` takes pg_advisory_xact_lock(namespace, hashtext(key)) in the same statement
  // that sets the tenant (one round trip less for a transaction that starts by locking).
  options: { timeoutMs?: number; maxWaitMs?: number; advisoryLock?: { namespace: number; key: string } } = {},
): Promise<T> {
  if (!organizationId) throw new Error("withTenant needs an organization id");
  const lock = options.advisoryLock;
  return db.$transaction(
    async (tx) => {
      if (lock) {
        await tx.$executeRaw`SELECT set_config('app.current_organization_id', ${organizationId}, true), pg_advisory_xact_lock(${lock.namespace}::int, hashtext(${lock.key}))`;
      } else {
        await tx.$executeRaw`SELECT set_config('app.current_organization_id', ${organizationId}, true)`;
      }
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 15_000, maxWait: options.maxWaitMs ?? 5_000 },
  );
}
