import type { ConversationStatus, MessageDirection, MessageType } from "@campotech/database";
import { messageText } from "./message-text";

export type ConversationViewRow = {
  id: string;
  status: ConversationStatus;
  unreadCount: number;
  lastMessageAt: Date | null;
  windowExpiresAt: Date | null;
  customer: { id: string; name: string; phone: string | null };
  assignedTo: { id: string; name: string } | null;
  messages: { id: string; direction: MessageDirection; type: MessageType; content: unknown; sentByUserId: string | null; createdAt: Date }[];
  // An open EMERGENCY job of the customer or lead of this conversation.
  emergency: boolean;
};

export type ConversationView = ReturnType<typeof toConversationView>;

// What the API shows of a conversation in the inbox list. The last message says who wrote it: the customer
// (inbound), the assistant, a person of the office (with their id and name) or the platform.
export function toConversationView(row: ConversationViewRow, senderNames: ReadonlyMap<string, string> = new Map()) {
  const last = row.messages[0];
  const by = last?.sentByUserId ?? null;
  const sentBy = !last ? null : last.direction === "INBOUND" ? "customer" : by === "assistant" ? "assistant" : by ? "person" : "system";
  return {
    id: row.id,
    customer: { id: row.customer.id, name: row.customer.name, phone: row.customer.phone },
    status: row.status,
    unreadCount: row.unreadCount,
    lastMessage: last
      ? {
          id: last.id, direction: last.direction, type: last.type, text: messageText(last.content), createdAt: last.createdAt.toISOString(),
          sentBy: sentBy as "customer" | "assistant" | "person" | "system",
          sentByUser: sentBy === "person" && by ? { id: by, name: senderNames.get(by) ?? null } : null,
        }
      : null,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    windowExpiresAt: row.windowExpiresAt?.toISOString() ?? null,
    assignedTo: row.assignedTo ? { id: row.assignedTo.id, name: row.assignedTo.name } : null,
    emergency: row.emergency,
  };
}
