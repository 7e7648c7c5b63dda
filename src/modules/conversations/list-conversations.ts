import { Prisma, type ConversationStatus, type SqlTx } from "@campotech/database";
import { decodeCursor, encodeCursor } from "./page-cursor";
import { inboxSearch, inboxSearchAmongSql, inboxSearchIdsSql, inboxSearchMatchSql } from "./inbox-search-sql";
import { loadConversationViews } from "./load-conversation-views";
import { OPEN_EMERGENCY_IDS_SQL, OPEN_EMERGENCY_SQL } from "./open-emergency-sql";
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
// issue 22 (inbox): with a selective filter (unread, a status, an assignee, the window, emergencies, a technician's
// own inbox) a common term can still be rare among the filtered rows ("calefon" among the unread): then no walk
// fills a page, and the trigram lookup enumerates every conversation of the term only to discard nearly all of them.
// Instead the newest CANDIDATES rows of the filtered inbox are checked at once, through the trigram indexes
// restricted to those conversations (campotech_inbox_search_among and _customers_among, whose cost follows the candidates, not the term).
// Enough matches among them, or a filtered inbox no longer than that, answer the page exactly; otherwise (a broad
// filter and a rare term) the trigram lookup does, as without a filter.
const CANDIDATES = 4000;

// Same order as the index WhatsAppConversation_inbox_order_idx, so the walk reads it instead of sorting.
const SORT_KEY = Prisma.sql`coalesce(c."lastMessageAt", c."createdAt")`;
type Row = { id: string; at: string };

// The inbox list. Ordered by last activity (lastMessageAt, or createdAt for a conversation with no message yet),
// then id, so the keyset cursor never skips or repeats a row. Staff OTP conversations and those
// soft-deleted by retention (a year without messages) never appear.
export async function listConversations(tx: SqlTx, viewer: Viewer, input: ListConversationsInput, now: Date = new Date()) {
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 100);
  const notStaff = Prisma.sql`cu."staffUserId" IS NULL`;
  const where: Prisma.Sql[] = [notStaff, Prisma.sql`c."deletedAt" IS NULL`];
  const scope = assignedScope(viewer, "read");
  // Conditions beyond the staff/deleted/cursor ones: the search then looks among the filtered rows' candidates.
  const selective = Boolean(scope.assignedToId || input.status || input.unread || input.assignedTo || input.window || input.emergency);
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
  const page = (conditions: Prisma.Sql[], take: number) => tx.query<Row>(Prisma.sql`
    SELECT c."id", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
    FROM "WhatsAppConversation" c JOIN "Customer" cu ON cu."id" = c."customerId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${SORT_KEY} DESC, c."id" DESC
    LIMIT ${take}`);

  const search = inboxSearch(input.search);
  let rows: Row[];
  if (!search) rows = await page(where, limit + 1);
  else {
    // limit + 1 matches among the first rows walked are exactly the first limit + 1 matches of the whole inbox.
    const walk = (rowsToWalk: number) => tx.query<Row>(Prisma.sql`
      SELECT c."id", c."at" FROM (
        SELECT c."id", c."customerId", ${SORT_KEY} AS "sortKey", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
        FROM "WhatsAppConversation" c JOIN "Customer" cu ON cu."id" = c."customerId"
        WHERE ${Prisma.join(where, " AND ")}
        ORDER BY ${SORT_KEY} DESC, c."id" DESC
        LIMIT ${rowsToWalk}
      ) c JOIN "Customer" cu ON cu."id" = c."customerId"
      WHERE ${inboxSearchMatchSql(search)}
      ORDER BY c."sortKey" DESC, c."id" DESC
      LIMIT ${limit + 1}`);
    // issue 22 (inbox): open emergencies are few and spread over the whole inbox, so walking to the newest hundred of
    // them reads thousands of conversations; the candidates lookup starts from their ids instead.
    rows = input.emergency ? [] : await walk(WALK);
    let answered = false;
    if (rows.length <= limit && selective) {
      // issue 22 (inbox): the newest CANDIDATES (+1, to tell whether there are more) rows of the filtered inbox, and
      // the matches among them in order. The conversation's own conditions pick the candidates straight off an
      // inbox-order index; customers are read only for the matches (the staff condition), by key (LATERAL, OFFSET 0
      // so it is not flattened into a join: the planner would rather hash every customer of the organization, each
      // checked against the tenant policy). With emergencies the candidates come from the open emergencies' ids (the
      // same set as OPEN_EMERGENCY_SQL), looked up by key (an array, so the planner does not hash the whole inbox
      // against them), not from testing every conversation of the inbox.
      const conditions = where.map((w) => (w === OPEN_EMERGENCY_SQL ? Prisma.sql`c."id" = ANY(ARRAY${OPEN_EMERGENCY_IDS_SQL})` : w)).filter((w) => w !== notStaff);
      const found = await tx.query<Partial<Row> & { candidates: number }>(Prisma.sql`
        WITH f AS MATERIALIZED (
          SELECT c."id", c."customerId", ${SORT_KEY} AS "sortKey", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
          FROM "WhatsAppConversation" c
          WHERE ${Prisma.join(conditions, " AND ")}
          ORDER BY ${SORT_KEY} DESC, c."id" DESC
          LIMIT ${CANDIDATES + 1}
        ), hits AS (
          SELECT f."id", f."at", f."sortKey" FROM f
          CROSS JOIN LATERAL (SELECT 1 FROM "Customer" cu WHERE cu."id" = f."customerId" AND ${notStaff} OFFSET 0) cu
          WHERE ${inboxSearchAmongSql(search, Prisma.sql`ARRAY(SELECT f."id" FROM f)`, Prisma.sql`ARRAY(SELECT f."customerId" FROM f)`)}
          ORDER BY f."sortKey" DESC, f."id" DESC
          LIMIT ${limit + 1}
        )
        SELECT h."id", h."at", (SELECT count(*) FROM f)::int AS "candidates"
        FROM (SELECT 1) AS one LEFT JOIN hits h ON true
        ORDER BY h."sortKey" DESC, h."id" DESC`);
      answered = (found[0]?.candidates ?? 0) <= CANDIDATES;
      const hits = found.flatMap((r) => (r.id && r.at ? [{ id: r.id, at: r.at }] : []));
      if (hits.length > limit || answered) {
        rows = hits;
        answered = true;
      }
    } else if (rows.length <= limit) {
      const further = rows.length >= 3 ? Math.ceil(((limit + 1) * WALK * 1.5) / rows.length) : Infinity;
      if (further <= MAX_WALK) rows = await walk(further);
    }
    if (rows.length <= limit && !answered) {
      rows = await tx.query<Row>(Prisma.sql`
        SELECT c."id", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
        FROM ${inboxSearchIdsSql(search)} s
        JOIN "WhatsAppConversation" c ON c."id" = s."id" JOIN "Customer" cu ON cu."id" = c."customerId"
        WHERE ${Prisma.join(where, " AND ")}
        ORDER BY s."sortKey" DESC, s."id" DESC
        LIMIT ${limit + 1}`);
    }
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null;

  return { items: await loadConversationViews(tx, items.map((r) => r.id), now), nextCursor };
}
