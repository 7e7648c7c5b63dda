import { publishOrganizationEvents } from "../events/publish-organization-events";
import type { ConversationView } from "./to-conversation-view";

// After a dashboard change committed (read, assign, close, reopen): other open dashboards update their list.
export async function publishConversationUpdated(organizationId: string, view: ConversationView, now: Date = new Date()): Promise<void> {
  await publishOrganizationEvents([
    {
      type: "conversation.updated",
      organizationId,
      conversationId: view.id,
      status: view.status,
      unreadCount: view.unreadCount,
      lastMessageAt: view.lastMessageAt,
      windowExpiresAt: view.windowExpiresAt,
      at: now.toISOString(),
    },
  ]);
}
