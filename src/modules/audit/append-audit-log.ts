import type { ActorType, Database, Prisma, TenantTx } from "@campotech/database";
import { auditRowHash, GENESIS_HASH } from "./audit-hash";

export type AuditEntry = {
  organizationId: string;
  actorType: ActorType;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  metadata?: Prisma.InputJsonValue;
};

export type AuditWriter = Pick<TenantTx, "auditLog" | "$executeRaw">;

// Namespaces our advisory locks (first key) so they never collide with another feature's.
const AUDIT_LOCK_CLASS = 7_301;

// Audit rows are written in the same transaction as the change they describe, so neither exists without the other.
// Each organization's rows form a hash chain (seq, prevHash, hash). A transaction-scoped advisory lock per
// organization serializes appends, so two concurrent transactions can never both chain onto the same last row;
// the unique (organizationId, seq) index is the backstop. Given a plain client (operator tools), it opens its own
// transaction, because an xact lock outside a transaction would be released at once.
export async function appendAuditLog(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  if ("$transaction" in tx) {
    await (tx as unknown as Database).$transaction((inner) => appendChained(inner, entry));
    return;
  }
  await appendChained(tx, entry);
}

async function appendChained(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}::int, hashtext(${entry.organizationId}))`;
  const last = await tx.auditLog.findFirst({
    where: { organizationId: entry.organizationId, seq: { not: null } },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const content = {
    organizationId: entry.organizationId,
    seq: (last?.seq ?? 0) + 1,
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    metadata: entry.metadata ?? {},
    // Set here, not by the database default, so the hashed value is exactly the stored one (millisecond precision).
    createdAt: new Date(),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditLog.create({ data: { ...content, prevHash, hash: auditRowHash(prevHash, content) } });
}
