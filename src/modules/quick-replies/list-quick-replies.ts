import type { TenantTx } from "../../lib/db";
import { QUICK_REPLY_SELECT, type QuickReplyView } from "./quick-reply-view";

// The organization's quick replies, by shortcut (the order the composer's "/" list shows). A business has dozens,
// not thousands: no paging.
export async function listQuickReplies(tx: TenantTx): Promise<QuickReplyView[]> {
  return tx.quickReply.findMany({ orderBy: { shortcut: "asc" }, select: QUICK_REPLY_SELECT });
}
