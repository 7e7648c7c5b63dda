import { Prisma, type ConversationStatus, type TenantTx } from "@campotech/database";
import { decodeCursor, encodeCursor } from "./page-cursor";
import { inboxSearch, inboxSearchIdsSql, inboxSearchMatchSql } from "./inbox-search-sql";
import { loadConversationViews } from "./load-conversation-views";
import { OPEN_EMERGENCY_SQL } from "./open-emergency-sql";
import { assignedScope, type Viewer } from "./viewer";

export type ListConversationsInput = {
  search?: string;
  status?: ConversationStatus;
  unread?: boolean;
  assignedTo?: string; // a user id, "me" or "none"
  window?: "open" | "closed";
  // An open EMERGENCY job of the customer or lead of the conversation (the assistant's escalations and the office's own).
  emergency?: boolean;
  cursor?: string;
  limit?: number;
};

// How far down the (filtered) inbox a search walks row by row before asking the trigram indexes instead.
// A term found often fills a page within the first few hundred conversations; one found rarely is cheap to
// enumerate from the indexes. bench/inbox-api.ts measures both sides.
const SEARCH_WALK = 300;

// Same order as the index WhatsAppConversation_inbox_order_idx, so the walk reads it instead of sorting.
const SORT_KEY = Prisma.sql`coalesce(c."lastMessageAt", c."createdAt")`;
type Row = { id: string; at: string };

// The inbox list. Ordered by last activity (lastMessageAt, or createdAt for a conversation with no message yet),
// then id, so the keyset cursor never skips or repeats a row. Staff OTP conversations and those
// soft-deleted by retention (a year without messages) never appear.
export async function listConversations(tx: TenantTx, viewer: Viewer, input: ListConversationsInput, now: Date = new Date()) {
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 100);
  const where: Prisma.Sql[] = [Prisma.sql`cu."staffUserId" IS NULL`, Prisma.sql`c."deletedAt" IS NULL`];
  const scope = assignedScope(viewer, "read");
  if (scope.assignedToId) where.push(Prisma.sql`c."assignedToId" = ${scope.assignedToId}`);
  if (input.status) where.push(Prisma.sql`c."status" = ${input.status}::"ConversationStatus"`);
  if (input.unread) where.push(Prisma.sql`c."unreadCount" > 0`);
  if (input.assignedTo === "none") where.push(Prisma.sql`c."assignedToId" IS NULL`);
  else if (input.assignedTo) where.push(Prisma.sql`c."assignedToId" = ${input.assignedTo === "me" ? viewer.userId : input.assignedTo}`);
  if (input.window === "open") where.push(Prisma.sql`c."windowExpiresAt" > ${now.toISOString()}::timestamp(3)`);
  if (input.window === "closed") where.push(Prisma.sql`(c."windowExpiresAt" IS NULL OR c."windowExpiresAt" <= ${now.toISOString()}::timestamp(3))`);
  if (input.emergency) {
    where.push(OPEN_EMERGENCY_SQL);
  }
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor, ["at", "id"] as const);
    where.push(Prisma.sql`(${SORT_KEY}, c."id") < (${cursor.at}::timestamp(3), ${cursor.id})`);
  }
  const page = (conditions: Prisma.Sql[], take: number) => tx.$queryRaw<Row[]>`
    SELECT c."id", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
    FROM "WhatsAppConversation" c JOIN "Customer" cu ON cu."id" = c."customerId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${SORT_KEY} DESC, c."id" DESC
    LIMIT ${take}`;

  const search = inboxSearch(input.search);
  let rows: Row[];
  if (!search) rows = await page(where, limit + 1);
  else {
    // First walk the newest SEARCH_WALK rows of the filtered inbox: if limit + 1 of them match, they are exactly
    // the first limit + 1 matches of the whole inbox. Otherwise matches are rare: take them from the indexes.
    const walked = await tx.$queryRaw<Row[]>`
      SELECT c."id", c."at" FROM (
        SELECT c."id", c."customerId", ${SORT_KEY} AS "sortKey", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
        FROM "WhatsAppConversation" c JOIN "Customer" cu ON cu."id" = c."customerId"
        WHERE ${Prisma.join(where, " AND ")}
        ORDER BY ${SORT_KEY} DESC, c."id" DESC
        LIMIT ${SEARCH_WALK}
      ) c JOIN "Customer" cu ON cu."id" = c."customerId"
      WHERE ${inboxSearchMatchSql(search)}
      ORDER BY c."sortKey" DESC, c."id" DESC
      LIMIT ${limit + 1}`;
    rows = walked.length > limit ? walked : await page([...where, inboxSearchIdsSql(search)], limit + 1);
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null;

  return { items: await loadConversationViews(tx, items.map((r) => r.id)), nextCursor };
}
