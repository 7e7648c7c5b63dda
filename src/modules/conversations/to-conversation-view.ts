import type { ConversationStatus, MessageDirection, MessageType } from "@campotech/database";
import { messageText } from "./message-text";

type Row = {
  id: string;
  status: ConversationStatus;
  unreadCount: number;
  lastMessageAt: Date | null;
  windowExpiresAt: Date | null;
  customer: { id: string; name: string; phone: string | null };
  assignedTo: { id: string; name: string } | null;
  messages: { id: string; direction: MessageDirection; type: MessageType; content: unknown; createdAt: Date }[];
};

export type ConversationView = ReturnType<typeof toConversationView>;

// What the API shows of a conversation in the inbox list.
export function toConversationView(row: Row) {
  const last = row.messages[0];
  return {
    id: row.id,
    customer: { id: row.customer.id, name: row.customer.name, phone: row.customer.phone },
    status: row.status,
    unreadCount: row.unreadCount,
    lastMessage: last
      ? { id: last.id, direction: last.direction, type: last.type, text: messageText(last.content), createdAt: last.createdAt.toISOString() }
      : null,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    windowExpiresAt: row.windowExpiresAt?.toISOString() ?? null,
    assignedTo: row.assignedTo ? { id: row.assignedTo.id, name: row.assignedTo.name } : null,
  };
}
