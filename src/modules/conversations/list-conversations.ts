import { Prisma, type ConversationStatus, type TenantTx } from "@campotech/database";
import { decodeCursor, encodeCursor } from "./page-cursor";
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

// Accents are folded in SQL with translate() (unaccent is not installed) and in JS with NFD, so "gomez" finds
// "Gómez" and "CALEFON" finds "calefón".
const ACCENTED = "áàâäãéèêëíìîïóòôöõúùûüñç";
const PLAIN = "aaaaaeeeeiiiiooooouuuunc";
const fold = (sql: Prisma.Sql) => Prisma.sql`translate(lower(${sql}), ${ACCENTED}, ${PLAIN})`;

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

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
  const term = input.search?.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
  if (term) {
    const pattern = likePattern(term);
    const digits = term.replace(/\D/g, "");
    const text = Prisma.sql`coalesce(m."content"->>'body', m."content"->>'preview', m."content"->>'caption', '')`;
    where.push(Prisma.sql`(
      ${fold(Prisma.sql`cu."name"`)} LIKE ${pattern}
      OR ${fold(Prisma.sql`coalesce(cu."profileName", '')`)} LIKE ${pattern}
      ${digits.length >= 3 ? Prisma.sql`OR regexp_replace(coalesce(cu."phone", ''), '\\D', '', 'g') LIKE ${likePattern(digits)}` : Prisma.empty}
      OR EXISTS (SELECT 1 FROM "WhatsAppMessage" m WHERE m."conversationId" = c."id" AND ${fold(text)} LIKE ${pattern})
    )`);
  }
  const sortKey = Prisma.sql`coalesce(c."lastMessageAt", c."createdAt")`;
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor, ["at", "id"] as const);
    where.push(Prisma.sql`(${sortKey}, c."id") < (${cursor.at}::timestamp(3), ${cursor.id})`);
  }
  const rows = await tx.$queryRaw<{ id: string; at: string }[]>`
    SELECT c."id", to_char(${sortKey}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
    FROM "WhatsAppConversation" c JOIN "Customer" cu ON cu."id" = c."customerId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${sortKey} DESC, c."id" DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null;

  return { items: await loadConversationViews(tx, page.map((r) => r.id)), nextCursor };
}
