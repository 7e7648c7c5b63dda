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

// A search first walks the newest rows of the (filtered) inbox checking each one; a term found often fills a page
// within the first hundreds. When the first WALK rows hold no more than a few matches, the term is rare: its
// matches come from the trigram indexes instead, cheap to enumerate when they are few. In between, the walk is
// lengthened to where the density seen says a page should fill, up to MAX_WALK. bench/inbox-api.ts measures both.
const WALK = 100;
const MAX_WALK = 600;

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
    // limit + 1 matches among the first rows walked are exactly the first limit + 1 matches of the whole inbox.
    const walk = (rowsToWalk: number) => tx.$queryRaw<Row[]>`
      SELECT c."id", c."at" FROM (
        SELECT c."id", c."customerId", ${SORT_KEY} AS "sortKey", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
        FROM "WhatsAppConversation" c JOIN "Customer" cu ON cu."id" = c."customerId"
        WHERE ${Prisma.join(where, " AND ")}
        ORDER BY ${SORT_KEY} DESC, c."id" DESC
        LIMIT ${rowsToWalk}
      ) c JOIN "Customer" cu ON cu."id" = c."customerId"
      WHERE ${inboxSearchMatchSql(search)}
      ORDER BY c."sortKey" DESC, c."id" DESC
      LIMIT ${limit + 1}`;
    rows = await walk(WALK);
    const further = rows.length >= 3 ? Math.ceil(((limit + 1) * WALK * 1.5) / rows.length) : Infinity;
    if (rows.length <= limit && further <= MAX_WALK) rows = await walk(further);
    if (rows.length <= limit) {
      rows = await tx.$queryRaw<Row[]>`
        SELECT c."id", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
        FROM ${inboxSearchIdsSql(search)} s
        JOIN "WhatsAppConversation" c ON c."id" = s."id" JOIN "Customer" cu ON cu."id" = c."customerId"
        WHERE ${Prisma.join(where, " AND ")}
        ORDER BY s."sortKey" DESC, s."id" DESC
        LIMIT ${limit + 1}`;
    }
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null;

  return { items: await loadConversationViews(tx, items.map((r) => r.id)), nextCursor };
}
