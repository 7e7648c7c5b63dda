import type { TenantTx } from "@campotech/database";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import type { Viewer } from "./viewer";

export type ConversationEmergency = {
  job: { id: string; number: number; status: string; technician: { id: string; name: string } | null };
};

// The open emergency behind a chat: the newest EMERGENCY job, not completed or cancelled, of the conversation's
// customer or linked to the conversation by a lead. Null when there is none.
export async function getConversationEmergency(tx: TenantTx, viewer: Viewer, conversationId: string): Promise<ConversationEmergency | null> {
  const conversation = await getConversationOrThrow(tx, conversationId, viewer, "read");
  const job = await tx.job.findFirst({
    where: {
      urgency: "EMERGENCY",
      status: { notIn: ["completed", "cancelled"] },
      OR: [{ customerId: conversation.customerId }, { leads: { some: { conversationId: conversation.id } } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, number: true, status: true, technician: { select: { id: true, name: true } } },
  });
  return job ? { job } : null;
}
