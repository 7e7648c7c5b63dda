import { Prisma } from "@campotech/database";

// What the inbox search matches, in SQL over `WhatsAppConversation c JOIN Customer cu`: the customer's name, their
// WhatsApp profile name, the digits of their phone (3 or more digits typed) or the text of any message of the
// conversation — substrings, accent- and case-insensitive.
// Accents are folded in SQL with translate() (unaccent is not installed) and in JS with NFD, so "gomez" finds
// "Gómez" and "CALEFON" finds "calefón". The folding constants are inlined, not bound: the trigram indexes of
// migration 20261219000000_inbox_search are built on these exact expressions.
const fold = (sql: Prisma.Sql) => Prisma.sql`translate(lower(${sql}), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc')`;

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type InboxSearch = { pattern: string; digitsPattern: string | null };

export function inboxSearch(search: string | undefined): InboxSearch | null {
  const term = search?.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
  if (!term) return null;
  const digits = term.replace(/\D/g, "");
  return { pattern: likePattern(term), digitsPattern: digits.length >= 3 ? likePattern(digits) : null };
}

// The match as a predicate, checked row by row: right for a walk down the inbox order that stops at a page.
export function inboxSearchMatchSql({ pattern, digitsPattern }: InboxSearch): Prisma.Sql {
  const text = Prisma.sql`coalesce(m."content"->>'body', m."content"->>'preview', m."content"->>'caption', '')`;
  return Prisma.sql`(
    ${fold(Prisma.sql`cu."name"`)} LIKE ${pattern}
    OR ${fold(Prisma.sql`coalesce(cu."profileName", '')`)} LIKE ${pattern}
    ${digitsPattern ? Prisma.sql`OR regexp_replace(coalesce(cu."phone", ''), '\\D', '', 'g') LIKE ${digitsPattern}` : Prisma.empty}
    OR EXISTS (SELECT 1 FROM "WhatsAppMessage" m WHERE m."conversationId" = c."id" AND ${fold(text)} LIKE ${pattern})
  )`;
}

// The same match as the matching conversations' ids and sort keys, newest first, from the trigram indexes (through
// the owner-run function of the migration: under RLS Postgres will not use an index for LIKE). Right when matches
// are few. A function scan in FROM runs once and keeps its rows; the caller joins it back under RLS.
export function inboxSearchIdsSql({ pattern, digitsPattern }: InboxSearch): Prisma.Sql {
  return Prisma.sql`(SELECT s."id", s."sortKey" FROM campotech_inbox_search_conversation_ids(${pattern}, ${digitsPattern}::text) AS s
    ORDER BY s."sortKey" DESC, s."id" DESC)`;
}

// issue 22 (inbox): the same match for a bounded list of candidate conversations (SQL arrays of their ids and of their
// customers' ids, built by the caller under RLS): a candidate matches when its id is among the message matches or its
// customer's among the customer matches. The owner-run functions of migration 20261220000000_inbox_search_filters
// intersect the trigram indexes with the candidates, so the cost follows the number of candidates, not how common the
// term is: right for a common term under a selective filter. Over `f` with "id" and "customerId".
export function inboxSearchAmongSql({ pattern, digitsPattern }: InboxSearch, conversations: Prisma.Sql, customers: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    f."customerId" IN (SELECT s."id" FROM campotech_inbox_search_customers_among(${pattern}, ${digitsPattern}::text, ${customers}) AS s)
    OR f."id" IN (SELECT s."id" FROM campotech_inbox_search_among(${pattern}, ${conversations}) AS s)
  )`;
}
