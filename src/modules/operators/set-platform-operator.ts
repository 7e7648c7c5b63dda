import type { Database } from "@campotech/database";
import { appendAuditLog } from "../audit/append-audit-log";
import { findUserForOperator } from "../auth/find-user-for-operator";

export type PlatformOperatorChange = { userId: string; organizationId: string; name: string; phone: string; platformOperator: boolean; changed: boolean };

/**
 * Grants or revokes access to the operator pages (CLI only). Audited in the person's organization. The operator
 * pages read the flag on every request, so a revoke takes effect at once. Repeating a grant changes nothing.
 */
export async function setPlatformOperator(
  admin: Database,
  input: { user: string; organizationId?: string; grant: boolean },
): Promise<PlatformOperatorChange> {
  const target = await findUserForOperator(admin, { user: input.user, ...(input.organizationId ? { organizationId: input.organizationId } : {}) });
  const changed = await admin.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: target.id, platformOperator: !input.grant }, data: { platformOperator: input.grant } });
    if (count === 0) return false;
    await appendAuditLog(tx, {
      organizationId: target.organizationId,
      actorType: "OPERATOR",
      action: input.grant ? "platform.operator_granted" : "platform.operator_revoked",
      entityType: "User",
      entityId: target.id,
    });
    return true;
  });
  return { userId: target.id, organizationId: target.organizationId, name: target.name, phone: target.phone, platformOperator: input.grant, changed };
}
