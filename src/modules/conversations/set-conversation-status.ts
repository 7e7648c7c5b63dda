import type { ConversationStatus, TenantTx } from "@campotech/database";
import { appendAuditLog } from "../audit/append-audit-log";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import { loadConversationView } from "./load-conversation-view";
import type { Viewer } from "./viewer";

// Close and reopen. Setting the status it already has is a no-op and writes no audit row.
export async function setConversationStatus(tx: TenantTx, viewer: Viewer, input: { conversationId: string; status: Extract<ConversationStatus, "OPEN" | "CLOSED"> }) {
  const conversation = await getConversationOrThrow(tx, input.conversationId, viewer, "write");
  if (conversation.status !== input.status) {
    await tx.whatsAppConversation.update({ where: { id: conversation.id }, data: { status: input.status } });
    await appendAuditLog(tx, {
      organizationId: conversation.organizationId, actorType: "USER", actorId: viewer.userId,
      action: input.status === "CLOSED" ? "conversation.close" : "conversation.reopen",
      entityType: "WhatsAppConversation", entityId: conversation.id,
      metadata: { from: conversation.status, to: input.status },
    });
  }
  return loadConversationView(tx, conversation.id);
}
