import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";

// Idempotent: deleting a reply that is already gone answers the same ({ deleted: false } tells the two apart) and
// writes no audit row. Another organization's ids are invisible under RLS, so they are "already gone" too.
export async function deleteQuickReply(tx: TenantTx, actor: { organizationId: string; userId: string }, id: string): Promise<{ id: string; deleted: boolean }> {
  const reply = await tx.quickReply.findFirst({ where: { id }, select: { id: true, shortcut: true } });
  if (!reply) return { id, deleted: false };
  await tx.quickReply.delete({ where: { id } });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "quick_reply.deleted", entityType: "QuickReply", entityId: id,
    metadata: { shortcut: reply.shortcut },
  });
  return { id, deleted: true };
}
