import type { TenantTx } from "@campotech/database";
import { appendAuditLog } from "../audit/append-audit-log";
import { AppError } from "../../lib/errors";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import { loadConversationView } from "./load-conversation-view";
import type { Viewer } from "./viewer";

// Assigns a conversation to an active user of the same organization (RLS hides everyone else), or unassigns it.
export async function assignConversation(tx: TenantTx, viewer: Viewer, input: { conversationId: string; userId: string | null }) {
  const conversation = await getConversationOrThrow(tx, input.conversationId, viewer, "write");
  if (input.userId) {
    const user = await tx.user.findFirst({ where: { id: input.userId, isActive: true }, select: { id: true } });
    if (!user) throw new AppError("VALIDATION_FAILED", { fields: { userId: "El usuario no existe en esta organización." } });
  }
  await tx.whatsAppConversation.update({ where: { id: conversation.id }, data: { assignedToId: input.userId } });
  await appendAuditLog(tx, {
    organizationId: conversation.organizationId, actorType: "USER", actorId: viewer.userId,
    action: "conversation.assign", entityType: "WhatsAppConversation", entityId: conversation.id,
    metadata: { from: conversation.assignedToId, to: input.userId },
  });
  return loadConversationView(tx, conversation.id);
}
