import type { OutboundContent } from "../../contracts/whatsapp";
import { withTenant } from "../../lib/db";
import { pauseForPerson } from "../assistant/pause-for-person";
import { appendAuditLog } from "../audit/append-audit-log";
import { sendMessage } from "../messaging/send-message";
import { assertCustomerFacingTemplate } from "../templates/template-audience";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import { MESSAGE_VIEW_SELECT, toMessageView } from "./to-message-view";
import type { Viewer } from "./viewer";

export type SendConversationMessageInput = {
  organizationId: string;
  conversationId: string;
  content: OutboundContent;
  idempotencyKey?: string;
  replyToMessageId?: string;
};

// A reply from the dashboard. Visibility is checked first (404 for other organizations, staff rows and, for
// technicians, unassigned conversations); the outbound engine then applies the 24-hour rule, opt-outs and the
// plan's allowance in its own transaction. The audit row follows in a second transaction because sendMessage
// owns its transaction; it is written only when this call created the message (an idempotent repeat is not a
// new action; a key seen before this call marks the repeat). A person replying pauses the assistant in the chat.
// Internal templates (login codes, staff alerts) are refused before anything else: they are never a reply.
export async function sendConversationMessage(viewer: Viewer, input: SendConversationMessageInput) {
  const startedAt = new Date();
  assertCustomerFacingTemplate(input.content);
  const repeated = await withTenant(input.organizationId, async (tx) => {
    await getConversationOrThrow(tx, input.conversationId, viewer, "write");
    if (!input.idempotencyKey) return false;
    const previous = await tx.outboundDelivery.findUnique({
      where: { organizationId_idempotencyKey: { organizationId: input.organizationId, idempotencyKey: input.idempotencyKey } },
      select: { id: true },
    });
    return !!previous;
  });
  const message = await sendMessage(
    {
      organizationId: input.organizationId,
      conversationId: input.conversationId,
      content: input.content,
      purpose: "reply",
      sentByUserId: viewer.userId,
      ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
      ...(input.replyToMessageId ? { replyToMessageId: input.replyToMessageId } : {}),
    },
    startedAt,
  );
  return withTenant(input.organizationId, async (tx) => {
    if (!repeated) {
      await pauseForPerson(tx, { organizationId: input.organizationId, conversationId: input.conversationId, now: startedAt });
      await appendAuditLog(tx, {
        organizationId: input.organizationId, actorType: "USER", actorId: viewer.userId,
        action: "message.send", entityType: "WhatsAppMessage", entityId: message.id,
        metadata: { conversationId: input.conversationId, type: message.type },
      });
    }
    return toMessageView(await tx.whatsAppMessage.findUniqueOrThrow({ where: { id: message.id }, select: MESSAGE_VIEW_SELECT }));
  });
}
