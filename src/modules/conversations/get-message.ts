import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { MESSAGE_VIEW_SELECT, toMessageView } from "./to-message-view";
import { assignedScope, type Viewer } from "./viewer";
import { historyCutoff } from "./history-cutoff";
import { loadSenderNames } from "./load-sender-names";

// One message, under the same visibility rules as its conversation (no staff OTP bodies, technicians only theirs).
export async function getMessage(tx: TenantTx, viewer: Viewer, id: string) {
  const row = await tx.whatsAppMessage.findFirst({
    where: { id, conversation: { customer: { staffUserId: null }, ...assignedScope(viewer, "read") } },
    select: { ...MESSAGE_VIEW_SELECT, conversationId: true },
  });
  // A message older than the plan's history window reads as missing, like in the list.
  const since = row ? await historyCutoff(tx, row.conversationId) : null;
  if (!row || (since && row.createdAt < since)) throw new AppError("NOT_FOUND", { message: "El mensaje no existe." });
  return toMessageView(row, await loadSenderNames(tx, [row.sentByUserId]));
}
