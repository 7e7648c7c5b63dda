-- issue 22 (inbox): a search combined with a selective filter (bench/results/inbox-api.md, "search + filter").
-- Hand-written; schema.prisma is unchanged.
--
-- A common term under a filter whose rows rarely contain it ("calefon" among the unread) was slow both ways the
-- search had: the walk down the filtered inbox checks each conversation's messages row by row, and the trigram
-- lookup (campotech_inbox_search_conversation_ids) enumerates every conversation mentioning the term (tens of
-- thousands of messages read from the table) only for the filter to throw nearly all of them away.
-- This function answers the search for a bounded list of candidate conversations instead (the newest rows of the
-- filtered inbox, picked by the caller under RLS): which of them match by customer name, profile name, phone digits
-- or a message. It runs as the owner so the trigram indexes can serve it:
-- - messages: Postgres intersects, inside the indexes, the trigram matches with the candidates' messages (a
--   BitmapAnd of the trigram index and the conversation index), so only messages of candidates that hold every
--   trigram are read from the table. The cost follows the number of candidates, not how common the term is.
--   A generic plan (plan_cache_mode): planned for each set of values, the thousands of candidate ids would each be
--   weighed against the column's statistics, which costs more than the lookup.
-- - customers: planned with the values (EXECUTE), so the planner weighs the term: a rare name through the trigram
--   indexes, a very common one by the candidates' keys.
-- It returns only ids the caller passed in, of conversations of the organization set for the transaction (the same
-- setting the policies read), and reveals no row data; the caller joins the ids back under RLS. An id matching both
-- by customer and by message comes twice: callers use the result as a set (IN).
-- Patterns arrive already escaped and folded (src/modules/conversations/inbox-search-sql.ts); a NULL digits pattern
-- matches nothing.
CREATE FUNCTION campotech_inbox_search_among(pattern text, digits_pattern text, candidates text[])
  RETURNS TABLE ("id" text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  SET plan_cache_mode = force_generic_plan
  ROWS 50
  AS $fn$
  BEGIN
    RETURN QUERY EXECUTE $q$
      SELECT c."id" FROM "Customer" cu
      JOIN "WhatsAppConversation" c ON c."organizationId" = cu."organizationId" AND c."customerId" = cu."id"
      WHERE cu."organizationId" = current_setting('app.current_organization_id', true)
        AND c."id" = ANY($3)
        AND (translate(lower(cu."name"), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE $1
          OR translate(lower(coalesce(cu."profileName", '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE $1
          OR regexp_replace(coalesce(cu."phone", ''), '\D', '', 'g') LIKE $2)
    $q$ USING pattern, digits_pattern, candidates;
    RETURN QUERY
      SELECT DISTINCT m."conversationId" FROM "WhatsAppMessage" m
      WHERE m."organizationId" = current_setting('app.current_organization_id', true)
        AND m."conversationId" = ANY(candidates)
        AND translate(lower(coalesce(m."content"->>'body', m."content"->>'preview', m."content"->>'caption', '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE pattern;
  END
  $fn$;

REVOKE ALL ON FUNCTION campotech_inbox_search_among(text, text, text[]) FROM PUBLIC;
