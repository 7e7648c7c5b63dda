import { Prisma, type ConversationStatus, type SqlTx } from "@campotech/database";
import { decodeCursor, encodeCursor } from "./page-cursor";
import { inboxSearch, inboxSearchCheckSql, inboxSearchMatchSql, inboxSearchWordsSql } from "./inbox-search-sql";
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

// issue 22 (inbox): a search checks the newest WALK rows of the (filtered) inbox against each conversation's words
// (one LIKE on a short text per row; see inbox-search-sql.ts) — with open emergencies, all of them, which are few. When
// those rows hold a page of matches, or are the whole filtered inbox, that is the answer. Otherwise the term is rare
// among the filtered rows, and the words' trigram index, intersected with the filters' indexes, lists the matches
// (cheap when they are few, and a common term absent from a filter's rows — "calefon" among the PENDING — is an empty
// intersection, not a scan). bench/inbox-api.ts measures both.
const WALK = 2000;
const STATUS_WALK = 500;

// Same order as the index WhatsAppConversation_inbox_order_idx, so the walk reads it instead of sorting.
const SORT_KEY = Prisma.sql`coalesce(c."lastMessageAt", c."createdAt")`;
type Row = { id: string; at: string };

// The inbox list. Ordered by last activity (lastMessageAt, or createdAt for a conversation with no message yet),
// then id, so the keyset cursor never skips or repeats a row. Staff OTP conversations and those
// soft-deleted by retention (a year without messages) never appear.
// `walk` is how many newest rows a search checks before the index lookup (tests make it small to reach the lookup).
export async function listConversations(tx: SqlTx, viewer: Viewer, input: ListConversationsInput, now: Date = new Date(), walk: number = WALK) {
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 100);
  const notStaff = Prisma.sql`cu."staffUserId" IS NULL`;
  const where: Prisma.Sql[] = [notStaff, Prisma.sql`c."deletedAt" IS NULL`];
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
    // The candidates are picked by the conversation's own conditions straight off an inbox-order index (the staff
    // condition needs the customer, read only for the matches by key: LATERAL, OFFSET 0, so it is not flattened into
    // a join hashing every customer of the organization). With emergencies, the candidates are the open emergencies'
    // ids (the same set as OPEN_EMERGENCY_SQL, as an array looked up by key), not a test of every conversation.
    const conditions = [
      ...where.map((w) => (w === OPEN_EMERGENCY_SQL ? Prisma.sql`c."id" = ANY(ARRAY${OPEN_EMERGENCY_IDS_SQL})` : w)).filter((w) => w !== notStaff),
      Prisma.sql`NOT c."searchWordsCapped"`,
    ];
    // Under RLS a status filter cannot use its index (enum equality is not leakproof), so walking N rows of one
    // status reads N divided by its share of the inbox; a shorter walk hands over to the lookup sooner.
    if (input.status) walk = Math.min(walk, STATUS_WALK);
    // Newest first, and stopping at the (limit + 1)th match: a frequent term reads a few dozen rows, not the walk.
    rows = await tx.query<Row>(Prisma.sql`
      SELECT c."id", c."at" FROM (
        SELECT c."id", c."customerId", c."searchWords", ${SORT_KEY} AS "sortKey", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
        FROM "WhatsAppConversation" c
        WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY ${SORT_KEY} DESC, c."id" DESC
        LIMIT ${walk}
      ) c
      CROSS JOIN LATERAL (SELECT cu."name", cu."profileName", cu."phone" FROM "Customer" cu WHERE cu."id" = c."customerId" AND ${notStaff} OFFSET 0) cu
      WHERE ${inboxSearchCheckSql(search)}
      ORDER BY c."sortKey" DESC, c."id" DESC
      LIMIT ${limit + 1}`);
    // Short of a page: the answer unless the filtered inbox is longer than the walk.
    const longer = async () => {
      const [counted] = await tx.query<{ n: number }>(Prisma.sql`
        SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "WhatsAppConversation" c WHERE ${Prisma.join(conditions, " AND ")} LIMIT ${walk + 1}) x`);
      return (counted?.n ?? 0) > walk;
    };
    const assignee = scope.assignedToId ?? (input.assignedTo && input.assignedTo !== "none" ? (input.assignedTo === "me" ? viewer.userId : input.assignedTo) : undefined);
    const filters = { status: input.status, unread: input.unread, assignee, unassigned: input.assignedTo === "none" };
    // Under a filter with an index the lookup intersects the two as bitmaps, which costs no more than proving the
    // filtered inbox short would (under RLS the status filter cannot even use its index: enum equality is not
    // leakproof), so it answers directly.
    const narrowed = Boolean(filters.status || filters.unread || filters.assignee || filters.unassigned);
    if (rows.length <= limit && (narrowed || (await longer()))) {
      rows = await tx.query<Row>(Prisma.sql`
        SELECT c."id", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
        FROM ${inboxSearchWordsSql(search, filters)} s
        JOIN "WhatsAppConversation" c ON c."id" = s."id" JOIN "Customer" cu ON cu."id" = c."customerId"
        WHERE ${Prisma.join(where, " AND ")} AND ${inboxSearchCheckSql(search)}
        ORDER BY s."sortKey" DESC, s."id" DESC
        LIMIT ${limit + 1}`);
    }
    // Chats too wordy to keep their words (searchWordsCapped, rare) are read apart, by their messages, and merged in.
    const capped = await tx.query<Row>(Prisma.sql`
      SELECT c."id", to_char(${SORT_KEY}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
      FROM "WhatsAppConversation" c JOIN "Customer" cu ON cu."id" = c."customerId"
      WHERE c."searchWordsCapped" AND ${Prisma.join(where, " AND ")} AND ${inboxSearchMatchSql(search)}
      ORDER BY ${SORT_KEY} DESC, c."id" DESC
      LIMIT ${limit + 1}`);
    if (capped.length) rows = [...rows, ...capped].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).slice(0, limit + 1);
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null;

  return { items: await loadConversationViews(tx, items.map((r) => r.id), now), nextCursor };
}
