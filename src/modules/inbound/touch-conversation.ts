import type { ConversationStatus } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import type { OrganizationEvent } from "../events/organization-event";

const WINDOW_MS = 24 * 60 * 60 * 1000;

type Row = {
  id: string;
  status: ConversationStatus;
  unreadCount: number;
  lastMessageAt: Date | null;
  windowExpiresAt: Date | null;
};

// A new inbound message's effect on its conversation, in one atomic UPDATE: GREATEST keeps lastMessageAt,
// lastInboundAt and the 24-hour customer-service window (the customer's LAST message's provider timestamp + 24 h)
// from moving backwards when an old or late message is processed after a newer one.
export async function touchConversationForInbound(
  tx: TenantTx,
  input: { organizationId: string; conversationId: string; accountId: string; timestamp: Date; opensWindow: boolean; unread: boolean },
): Promise<OrganizationEvent> {
  const ts = input.timestamp.toISOString();
  const windowEnd = new Date(input.timestamp.getTime() + WINDOW_MS).toISOString();
  const [row] = await tx.$queryRaw<Row[]>`
    UPDATE "WhatsAppConversation" SET
      "unreadCount" = "unreadCount" + ${input.unread ? 1 : 0}::int,
      "status" = CASE WHEN ${input.unread}::boolean THEN 'OPEN'::"ConversationStatus" ELSE "status" END,
      "lastMessageAt" = GREATEST("lastMessageAt", ${ts}::timestamp),
      "lastInboundAt" = CASE WHEN ${input.opensWindow}::boolean THEN GREATEST("lastInboundAt", ${ts}::timestamp) ELSE "lastInboundAt" END,
      "windowExpiresAt" = CASE WHEN ${input.opensWindow}::boolean THEN GREATEST("windowExpiresAt", ${windowEnd}::timestamp) ELSE "windowExpiresAt" END,
      "accountId" = ${input.accountId},
      "updatedAt" = CURRENT_TIMESTAMP
    WHERE "id" = ${input.conversationId}
    RETURNING "id", "status", "unreadCount", "lastMessageAt", "windowExpiresAt"`;
  if (!row) throw new Error(`conversation ${input.conversationId} not found`);
  return conversationUpdatedEvent(input.organizationId, row);
}

export function conversationUpdatedEvent(organizationId: string, row: Row): OrganizationEvent {
  return {
    type: "conversation.updated",
    organizationId,
    conversationId: row.id,
    status: row.status,
    unreadCount: row.unreadCount,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    windowExpiresAt: row.windowExpiresAt?.toISOString() ?? null,
    at: new Date().toISOString(),
  };
}
