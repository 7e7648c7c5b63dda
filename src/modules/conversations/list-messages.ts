import type { TenantTx } from "@campotech/database";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import { decodeCursor, encodeCursor } from "./page-cursor";
import { MESSAGE_VIEW_SELECT, toMessageView } from "./to-message-view";
import type { Viewer } from "./viewer";
import { loadSenderNames } from "./load-sender-names";
import { historyCutoff } from "./history-cutoff";

export type ListMessagesInput = { conversationId: string; cursor?: string; order?: "asc" | "desc"; limit?: number };

// A conversation's messages in either order, keyset-paginated on (createdAt, id): the cursor names the last row
// seen and Prisma continues strictly after it. Below PROFESIONAL only the last 30 days (historySince says from when).
export async function listMessages(tx: TenantTx, viewer: Viewer, input: ListMessagesInput, now: Date = new Date()) {
  await getConversationOrThrow(tx, input.conversationId, viewer, "read");
  const since = await historyCutoff(tx, input.conversationId, now);
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const order = input.order ?? "desc";
  const after = input.cursor ? decodeCursor(input.cursor, ["id"] as const).id : undefined;
  const rows = await tx.whatsAppMessage.findMany({
    where: { conversationId: input.conversationId, ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: [{ createdAt: order }, { id: order }],
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    take: limit + 1,
    select: MESSAGE_VIEW_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const names = await loadSenderNames(tx, page.map((m) => m.sentByUserId));
  return { items: page.map((m) => toMessageView(m, names)), nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null, historySince: since };
}
