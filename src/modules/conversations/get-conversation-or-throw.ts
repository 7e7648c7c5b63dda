import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { assignedScope, type Viewer } from "./viewer";

// Another organization's ids are invisible under RLS, a staff member's OTP conversation is not part of the inbox,
// and a technician only reaches conversations assigned to them: all three answer the same 404.
export async function getConversationOrThrow(tx: TenantTx, id: string, viewer: Viewer, mode: "read" | "write") {
  const conversation = await tx.whatsAppConversation.findFirst({
    where: { id, customer: { staffUserId: null }, ...assignedScope(viewer, mode) },
    select: { id: true, organizationId: true, customerId: true, status: true, unreadCount: true, assignedToId: true },
  });
  if (!conversation) throw new AppError("NOT_FOUND", { message: "La conversación no existe." });
  return conversation;
}
