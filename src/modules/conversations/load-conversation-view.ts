import type { TenantTx } from "@campotech/database";
import { toConversationView } from "./to-conversation-view";

// Re-reads a conversation after a change, in the inbox list's shape.
export async function loadConversationView(tx: TenantTx, id: string) {
  const row = await tx.whatsAppConversation.findUniqueOrThrow({
    where: { id },
    include: {
      customer: { select: { id: true, name: true, phone: true } },
      assignedTo: { select: { id: true, name: true } },
      messages: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { id: true, direction: true, type: true, content: true, createdAt: true } },
    },
  });
  return toConversationView(row);
}
