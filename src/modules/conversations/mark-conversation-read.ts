import type { TenantTx } from "@campotech/database";
import { appendAuditLog } from "../audit/append-audit-log";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import { loadConversationView } from "./load-conversation-view";
import type { Viewer } from "./viewer";

// Clears the unread counter. Read receipts at the provider are not sent from here (the assistant flow owns them).
export async function markConversationRead(tx: TenantTx, viewer: Viewer, conversationId: string) {
  const conversation = await getConversationOrThrow(tx, conversationId, viewer, "write");
  await tx.whatsAppConversation.update({ where: { id: conversation.id }, data: { unreadCount: 0 } });
  await appendAuditLog(tx, {
    organizationId: conversation.organizationId, actorType: "USER", actorId: viewer.userId,
    action: "conversation.read", entityType: "WhatsAppConversation", entityId: conversation.id,
    metadata: { previousUnreadCount: conversation.unreadCount },
  });
  return loadConversationView(tx, conversation.id);
}
