import type { ActorType, Prisma, TenantTx } from "@campotech/database";

export type AuditEntry = {
  organizationId: string;
  actorType: ActorType;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  metadata?: Prisma.InputJsonValue;
};

// Audit rows are written in the same transaction as the change they describe, so neither exists without the other.
export async function appendAuditLog(tx: Pick<TenantTx, "auditLog">, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      metadata: entry.metadata ?? {},
    },
  });
}
