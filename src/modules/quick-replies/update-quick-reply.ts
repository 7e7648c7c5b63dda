import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { QUICK_REPLY_SELECT, rethrowShortcutTaken, shortcutTaken, type QuickReplyView } from "./quick-reply-view";
import type { QuickReplyChanges } from "./quick-reply.schemas";

// Saving what is already there changes nothing and writes no audit row, so a repeated request is harmless.
export async function updateQuickReply(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  id: string,
  changes: QuickReplyChanges,
): Promise<QuickReplyView> {
  const before = await tx.quickReply.findFirst({ where: { id }, select: QUICK_REPLY_SELECT });
  if (!before) throw new AppError("NOT_FOUND", { message: "Esa respuesta rápida no existe." });
  const changed = (Object.keys(changes) as (keyof QuickReplyChanges)[]).filter((key) => changes[key] !== undefined && changes[key] !== before[key]);
  if (!changed.length) return before;
  if (changes.shortcut && changed.includes("shortcut") && (await tx.quickReply.findFirst({ where: { shortcut: changes.shortcut }, select: { id: true } }))) {
    throw shortcutTaken(changes.shortcut);
  }
  const reply = await tx.quickReply
    .update({ where: { id }, data: changes, select: QUICK_REPLY_SELECT })
    .catch((error: unknown) => rethrowShortcutTaken(error, changes.shortcut ?? before.shortcut));
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "quick_reply.updated", entityType: "QuickReply", entityId: id,
    metadata: { fields: changed, shortcut: reply.shortcut },
  });
  return reply;
}
