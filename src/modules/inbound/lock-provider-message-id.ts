import type { TenantTx } from "../../lib/db";

// Serializes "is there a message with this provider id?" against "this message now has that id": without it a
// status could be parked by one transaction just after another looked for parked statuses, and never applied.
// Transaction-scoped advisory lock; the first key namespaces it.
export async function lockProviderMessageId(tx: TenantTx, waMessageId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4004, hashtext(${waMessageId}))`;
}

// issue 22 (outbound): the same lock, for withTenantLocked (taken in the statement that sets the tenant).
export const providerMessageIdLock = (waMessageId: string) => ({ namespace: 4004, key: waMessageId });
