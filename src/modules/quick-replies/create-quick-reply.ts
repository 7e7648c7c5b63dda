import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { QUICK_REPLY_SELECT, rethrowShortcutTaken, shortcutTaken, type QuickReplyView } from "./quick-reply-view";
import type { QuickReplyInput } from "./quick-reply.schemas";

// Idempotent: the same request twice finds the reply it created the first time and answers it again (no second
// audit row); a different reply under a shortcut already in use is a conflict.
export async function createQuickReply(tx: TenantTx, actor: { organizationId: string; userId: string }, input: QuickReplyInput): Promise<QuickReplyView> {
  const existing = await tx.quickReply.findFirst({ where: { shortcut: input.shortcut }, select: QUICK_REPLY_SELECT });
  if (existing) {
    if (existing.title === input.title && existing.body === input.body) return existing;
    throw shortcutTaken(input.shortcut);
  }
  const reply = await tx.quickReply
    .create({ data: { ...input, organizationId: actor.organizationId, createdById: actor.userId }, select: QUICK_REPLY_SELECT })
    .catch((error: unknown) => rethrowShortcutTaken(error, input.shortcut));
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "quick_reply.created", entityType: "QuickReply", entityId: reply.id,
    metadata: { shortcut: reply.shortcut },
  });
  return reply;
}
