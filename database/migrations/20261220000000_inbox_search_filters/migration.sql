-- issue 22 (inbox): a search combined with a selective filter (bench/results/inbox-api.md, "search + filter").
-- Hand-written; schema.prisma is unchanged.
--
-- A common term under a filter whose rows rarely contain it ("calefon" among the unread) was slow both ways the
-- search had: the walk down the filtered inbox checks each conversation's messages row by row, and the trigram
-- lookup (campotech_inbox_search_conversation_ids) enumerates every conversation mentioning the term (tens of
-- thousands of messages read from the table) only for the filter to throw nearly all of them away.
-- These two functions answer the search for a bounded list of candidate conversations instead (the newest rows of
-- the filtered inbox, picked by the caller under RLS): which of them match by a message, and which of their customers
-- match by name, profile name or phone digits. They run as the owner so the trigram indexes can serve them.
-- Each returns only ids the caller passed in that belong to the organization set for the transaction (the same
-- setting the policies read), and reveals no row data; the caller joins the ids back under RLS.
-- Patterns arrive already escaped and folded (src/modules/conversations/inbox-search-sql.ts).

-- Messages: Postgres intersects, inside the indexes, the trigram matches with the candidates' messages (a BitmapAnd
-- of the trigram index and the conversation index), so only messages of candidates that hold every trigram are read
-- from the table: the cost follows the number of candidates, not how common the term is. A plain SQL function, so
-- a generic plan: planned with the values, each of the thousands of candidate ids would be weighed against the
-- column's statistics, which costs more than the lookup itself.
CREATE FUNCTION campotech_inbox_search_among(pattern text, candidates text[])
  RETURNS TABLE ("id" text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  ROWS 50
  AS $$
    SELECT DISTINCT m."conversationId" FROM "WhatsAppMessage" m
    WHERE m."organizationId" = current_setting('app.current_organization_id', true)
      AND m."conversationId" = ANY(candidates)
      AND translate(lower(coalesce(m."content"->>'body', m."content"->>'preview', m."content"->>'caption', '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE pattern
  $$;

-- Customers (ids of the candidates' customers): planned with the values (EXECUTE), so the planner weighs the term —
-- a name few customers have through the trigram indexes, hashed against the candidates; one most of them have by
-- the candidates' keys. A NULL digits pattern matches nothing.
CREATE FUNCTION campotech_inbox_search_customers_among(pattern text, digits_pattern text, customers text[])
  RETURNS TABLE ("id" text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  ROWS 50
  AS $fn$
  BEGIN
    RETURN QUERY EXECUTE $q$
      SELECT cu."id" FROM "Customer" cu
      WHERE cu."organizationId" = current_setting('app.current_organization_id', true)
        AND cu."id" IN (SELECT unnest($3))
        AND (translate(lower(cu."name"), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE $1
          OR translate(lower(coalesce(cu."profileName", '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE $1
          OR regexp_replace(coalesce(cu."phone", ''), '\D', '', 'g') LIKE $2)
    $q$ USING pattern, digits_pattern, customers;
  END
  $fn$;

REVOKE ALL ON FUNCTION campotech_inbox_search_among(text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION campotech_inbox_search_customers_among(text, text, text[]) FROM PUBLIC;
