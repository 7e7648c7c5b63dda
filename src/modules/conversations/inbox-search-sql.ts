import { Prisma } from "@campotech/database";

// What the inbox search matches, in SQL over `WhatsAppConversation c JOIN Customer cu`: the customer's name, their
// WhatsApp profile name, the digits of their phone (3 or more digits typed) or the text of any message of the
// conversation — substrings, accent- and case-insensitive.
// Accents are folded in SQL with translate() (unaccent is not installed) and in JS with NFD, so "gomez" finds
// "Gómez" and "CALEFON" finds "calefón". The folding constants are inlined, not bound: migration
// 20261221000000_inbox_search_words folds the conversations' words with these exact expressions.
const fold = (sql: Prisma.Sql) => Prisma.sql`translate(lower(${sql}), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc')`;

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// issue 22 (inbox): besides the whole term, its words one by one (for the conversation's "searchWords", the distinct
// folded words of all it matches) and whether matching those words is already the exact answer.
export type InboxSearch = { pattern: string; digitsPattern: string | null; wordPatterns: string[]; wordsExact: boolean };

export function inboxSearch(search: string | undefined): InboxSearch | null {
  const term = search?.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
  if (!term) return null;
  const digits = term.replace(/\D/g, "");
  const words = term.split(/\s+/);
  const digitsPattern = digits.length >= 3 ? likePattern(digits) : null;
  // One word is found in searchWords exactly when some text holds it (a substring without spaces lies inside one
  // word) — unless the phone's digits, a word of their own there, could answer differently: a word of digits only
  // matches them there as the search does only from 3 digits on; and the digits of a mixed word ("351-1") could
  // match a message's number, which the search would not.
  const wordsExact = words.length === 1 && (/^\d+$/.test(term) ? digitsPattern !== null : digitsPattern === null);
  return { pattern: likePattern(term), digitsPattern, wordPatterns: words.map(likePattern), wordsExact };
}

// The exact match as a predicate, checked row by row (it reads the conversation's messages): only where the words
// alone do not answer, and then after them.
export function inboxSearchMatchSql({ pattern, digitsPattern }: InboxSearch): Prisma.Sql {
  const text = Prisma.sql`coalesce(m."content"->>'body', m."content"->>'preview', m."content"->>'caption', '')`;
  return Prisma.sql`(
    ${fold(Prisma.sql`cu."name"`)} LIKE ${pattern}
    OR ${fold(Prisma.sql`coalesce(cu."profileName", '')`)} LIKE ${pattern}
    ${digitsPattern ? Prisma.sql`OR regexp_replace(coalesce(cu."phone", ''), '\\D', '', 'g') LIKE ${digitsPattern}` : Prisma.empty}
    OR EXISTS (SELECT 1 FROM "WhatsAppMessage" m WHERE m."conversationId" = c."id" AND ${fold(text)} LIKE ${pattern})
  )`;
}

// issue 22 (inbox): the match over a conversation row `c` with its customer `cu`, for chats that keep their words
// (not searchWordsCapped): the words first (one LIKE on a short text), the exact predicate only for the rows that pass
// them and only when the words are not the answer. A capped chat is checked with inboxSearchMatchSql alone.
export function inboxSearchCheckSql(search: InboxSearch): Prisma.Sql {
  const words = Prisma.join(search.wordPatterns.map((p) => Prisma.sql`c."searchWords" LIKE ${p}`), " AND ");
  const candidate = search.digitsPattern ? Prisma.sql`((${words}) OR c."searchWords" LIKE ${search.digitsPattern})` : Prisma.sql`(${words})`;
  return search.wordsExact ? candidate : Prisma.sql`(${candidate} AND ${inboxSearchMatchSql(search)})`;
}

// issue 22 (inbox): the conversations whose words match, from the words' trigram index intersected with the filters
// that have an index (status, unread, one assignee or none), as ids and sort keys; through the owner-run function of
// migration 20261221000000_inbox_search_words (under RLS Postgres will not use an index for LIKE). Right when the
// filtered inbox's newest rows held too few matches. The caller joins the ids back under RLS, applies every filter
// and the exact predicate, and orders.
export function inboxSearchWordsSql(
  { wordPatterns, digitsPattern }: InboxSearch,
  filters: { status?: string; unread?: boolean; assignee?: string; unassigned?: boolean },
): Prisma.Sql {
  return Prisma.sql`campotech_inbox_search_words(ARRAY[${Prisma.join(wordPatterns)}]::text[], ${digitsPattern}::text, ${filters.status ?? null}::text,
    ${filters.unread ?? false}, ${filters.assignee ?? null}::text, ${filters.unassigned ?? false})`;
}
