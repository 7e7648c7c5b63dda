-- issue 22 (inbox): a search combined with a filter, on a large organization (bench/results/inbox-api.md).
-- Hand-written triggers, functions and indexes; schema.prisma only declares the column (@ignore: the client never
-- reads it).
--
-- The search matched message by message: to tell whether a conversation holds a term, every one of its messages was
-- folded and compared, and the trigram index over a million messages could not be intersected with the
-- conversation's own filters (status, unread, assignee), which live in another table. A common term that a filter's
-- rows never hold ("calefon" among the PENDING) then cost half a second: every filtered conversation's messages
-- checked, or every conversation of the term enumerated, to prove there is no match.
--
-- Each conversation now carries "searchWords": the distinct words of everything the search matches — the customer's
-- name, WhatsApp profile name and phone digits, and the text of every message — folded the same way the search folds
-- (lower case, accents off), separated by spaces. Substring search (LIKE '%term%') on it is exact for a term without
-- spaces (a substring without spaces lies inside one word); a term with several words must appear in it word by
-- word, a necessary condition the caller completes with the exact check. Its trigram index sits on the same table
-- as the filters, so Postgres intersects the two (BitmapAnd) instead of reading either side whole.
-- Kept by triggers, so every way a message, customer or conversation changes (webhooks, sends, retention purges,
-- erasure, customer merges, imports) keeps it right.

ALTER TABLE "WhatsAppConversation" ADD COLUMN "searchWords" TEXT NOT NULL DEFAULT '';
-- A chat whose words outgrow campotech_search_words_cap() (tens of thousands of distinct words: pasted documents,
-- generated codes) keeps none: "searchWordsCapped" says the search must check its messages instead. Every update of a
-- conversation re-indexes its words, so they must stay short; such chats are rare, and exact either way.
ALTER TABLE "WhatsAppConversation" ADD COLUMN "searchWordsCapped" BOOLEAN NOT NULL DEFAULT false;

CREATE FUNCTION campotech_search_words_cap() RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT 32768';

-- The distinct folded words of a text, space separated. The folding constants are those of inbox-search-sql.ts.
CREATE FUNCTION campotech_search_words(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(string_agg(DISTINCT w, ' '), '')
    FROM regexp_split_to_table(translate(lower(coalesce(body, '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc'), '\s+') AS w
    WHERE w <> ''
  $$;

-- A conversation's words, recomputed from its customer and all its messages (the text the search reads of each:
-- body, preview or caption). Runs as the caller, under its RLS context.
CREATE FUNCTION campotech_conversation_search_words(conversation_id text, customer_id text) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT campotech_search_words(
      coalesce((SELECT cu."name" || ' ' || coalesce(cu."profileName", '') || ' ' || regexp_replace(coalesce(cu."phone", ''), '\D', '', 'g')
                FROM "Customer" cu WHERE cu."id" = customer_id), '') || ' ' ||
      coalesce((SELECT string_agg(coalesce(m."content"->>'body', m."content"->>'preview', m."content"->>'caption', ''), ' ')
                FROM "WhatsAppMessage" m WHERE m."conversationId" = conversation_id), ''))
  $$;

-- Recomputes the words of the given conversations (a capped one stays capped: its search reads its messages, which
-- is exact, and recomputing a chat that large on every change is what the cap avoids).
CREATE FUNCTION campotech_refresh_search_words(ids text[]) RETURNS void
  LANGUAGE sql VOLATILE
  AS $$
    UPDATE "WhatsAppConversation" c
    SET "searchWords" = CASE WHEN length(w."words") > campotech_search_words_cap() THEN '' ELSE w."words" END,
        "searchWordsCapped" = length(w."words") > campotech_search_words_cap()
    FROM (SELECT c2."id", campotech_conversation_search_words(c2."id", c2."customerId") AS "words"
          FROM "WhatsAppConversation" c2 WHERE c2."id" = ANY(ids) AND NOT c2."searchWordsCapped") w
    WHERE c."id" = w."id"
  $$;

-- A new message adds the words the conversation does not have yet (most messages of a long chat add none, and then
-- nothing is written). Two messages stored at once may both add a word: a repeated word changes no match.
CREATE FUNCTION campotech_message_search_words_added() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    known text;
    capped boolean;
    added text;
  BEGIN
    SELECT ' ' || c."searchWords" || ' ', c."searchWordsCapped" INTO known, capped FROM "WhatsAppConversation" c WHERE c."id" = NEW."conversationId";
    IF NOT FOUND OR capped THEN
      RETURN NULL;
    END IF;
    SELECT string_agg(w, ' ') INTO added
    FROM regexp_split_to_table(campotech_search_words(coalesce(NEW."content"->>'body', NEW."content"->>'preview', NEW."content"->>'caption', '')), ' ') AS w
    WHERE w <> '' AND position(' ' || w || ' ' IN known) = 0;
    IF added IS NOT NULL THEN
      UPDATE "WhatsAppConversation"
      SET "searchWords" = CASE WHEN length("searchWords") + 1 + length(added) > campotech_search_words_cap() THEN '' ELSE ltrim("searchWords" || ' ' || added) END,
          "searchWordsCapped" = length("searchWords") + 1 + length(added) > campotech_search_words_cap()
      WHERE "id" = NEW."conversationId";
    END IF;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER inbox_search_message_inserted AFTER INSERT ON "WhatsAppMessage"
  FOR EACH ROW EXECUTE FUNCTION campotech_message_search_words_added();

-- A message whose text changed (a retention purge, an erasure) or that moved to another conversation (a customer
-- merge), or that was deleted: its conversations are recomputed, so a removed word stops matching. Status updates
-- do not name these columns and never fire it.
CREATE FUNCTION campotech_message_search_words_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      PERFORM campotech_refresh_search_words(ARRAY[OLD."conversationId"]);
    ELSE
      PERFORM campotech_refresh_search_words(ARRAY[OLD."conversationId", NEW."conversationId"]);
    END IF;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER inbox_search_message_updated AFTER UPDATE OF "content", "conversationId" ON "WhatsAppMessage"
  FOR EACH ROW WHEN (OLD."content" IS DISTINCT FROM NEW."content" OR OLD."conversationId" IS DISTINCT FROM NEW."conversationId")
  EXECUTE FUNCTION campotech_message_search_words_changed();
CREATE TRIGGER inbox_search_message_deleted AFTER DELETE ON "WhatsAppMessage"
  FOR EACH ROW EXECUTE FUNCTION campotech_message_search_words_changed();

-- A customer renamed (or erased), or with a new phone: their conversations are recomputed.
CREATE FUNCTION campotech_customer_search_words_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM campotech_refresh_search_words(ARRAY(SELECT c."id" FROM "WhatsAppConversation" c WHERE c."customerId" = NEW."id"));
    RETURN NULL;
  END
  $$;
CREATE TRIGGER inbox_search_customer_updated AFTER UPDATE OF "name", "profileName", "phone" ON "Customer"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."profileName" IS DISTINCT FROM NEW."profileName" OR OLD."phone" IS DISTINCT FROM NEW."phone")
  EXECUTE FUNCTION campotech_customer_search_words_changed();

-- A new conversation starts with its customer's words; one moved to another customer takes the new one's.
CREATE FUNCTION campotech_conversation_search_words_set() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    words text := campotech_conversation_search_words(NEW."id", NEW."customerId");
  BEGIN
    NEW."searchWordsCapped" := length(words) > campotech_search_words_cap();
    NEW."searchWords" := CASE WHEN NEW."searchWordsCapped" THEN '' ELSE words END;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER inbox_search_conversation_inserted BEFORE INSERT ON "WhatsAppConversation"
  FOR EACH ROW EXECUTE FUNCTION campotech_conversation_search_words_set();
CREATE TRIGGER inbox_search_conversation_customer_changed BEFORE UPDATE OF "customerId" ON "WhatsAppConversation"
  FOR EACH ROW WHEN (OLD."customerId" IS DISTINCT FROM NEW."customerId")
  EXECUTE FUNCTION campotech_conversation_search_words_set();

-- Existing conversations.
UPDATE "WhatsAppConversation" c
SET "searchWords" = CASE WHEN length(w."words") > campotech_search_words_cap() THEN '' ELSE w."words" END,
    "searchWordsCapped" = length(w."words") > campotech_search_words_cap()
FROM (SELECT c2."id", campotech_conversation_search_words(c2."id", c2."customerId") AS "words" FROM "WhatsAppConversation" c2) w
WHERE c."id" = w."id";

CREATE INDEX "WhatsAppConversation_search_words_trgm_idx" ON "WhatsAppConversation" USING gin ("searchWords" gin_trgm_ops);
-- The capped chats, which every search reads apart (few, if any).
CREATE INDEX "WhatsAppConversation_search_words_capped_idx" ON "WhatsAppConversation" ("organizationId") WHERE "searchWordsCapped";
-- Unread, walked in inbox order and intersected as a bitmap (partial: the unread are a few of the inbox, and walking
-- the whole inbox order to find them reads everything in between). The other filters a search is intersected with
-- have their indexes: WhatsAppConversation_organizationId_status_lastMessageAt_idx (under RLS a walk cannot use it,
-- enum equality is not leakproof; the owner-run lookup below can) and WhatsAppConversation_inbox_assignee_order_idx.
CREATE INDEX "WhatsAppConversation_inbox_unread_order_idx"
  ON "WhatsAppConversation" ("organizationId", (coalesce("lastMessageAt", "createdAt")) DESC, "id" DESC) WHERE "unreadCount" > 0;

-- The lookup by the words' index. Under RLS Postgres will not use an index for LIKE (it is not leakproof), so this
-- runs as the owner and returns only conversations of the organization set for the transaction (the setting the
-- policies read): ids and sort keys, no row data; the caller joins them back under RLS and applies everything else.
-- Every pattern must match (a term's words); a digits pattern, when given, is an alternative (the phone). Capped
-- chats hold no words and are searched apart by the caller. The
-- filters that have an index narrow the bitmap here: status, unread, an assignee (or none). Bitmap scans only: an
-- ordered walk is what the caller tried first.
CREATE FUNCTION campotech_inbox_search_words(patterns text[], digits_pattern text, status_filter text, unread_only boolean, assignee text, unassigned boolean)
  RETURNS TABLE ("id" text, "sortKey" timestamp(3))
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET enable_indexscan = off SET enable_seqscan = off
  ROWS 500
  AS $fn$
  BEGIN
    RETURN QUERY EXECUTE format(
      $q$
        SELECT c."id", coalesce(c."lastMessageAt", c."createdAt") FROM "WhatsAppConversation" c
        WHERE c."organizationId" = current_setting('app.current_organization_id', true)
          AND (%s %s)
          %s %s %s %s
      $q$,
      (SELECT string_agg(format('c."searchWords" LIKE %L', p), ' AND ') FROM unnest(patterns) AS p),
      CASE WHEN digits_pattern IS NOT NULL THEN format('OR c."searchWords" LIKE %L', digits_pattern) ELSE '' END,
      CASE WHEN status_filter IS NOT NULL THEN format('AND c."status" = %L::"ConversationStatus"', status_filter) ELSE '' END,
      CASE WHEN unread_only THEN 'AND c."unreadCount" > 0' ELSE '' END,
      CASE WHEN assignee IS NOT NULL THEN format('AND c."assignedToId" = %L', assignee) ELSE '' END,
      CASE WHEN unassigned THEN 'AND c."assignedToId" IS NULL' ELSE '' END);
  END
  $fn$;

REVOKE ALL ON FUNCTION campotech_inbox_search_words(text[], text, text, boolean, text, boolean) FROM PUBLIC;

-- What the words replace: the per-message and per-customer trigram lookups (migrations 20261219000000 and
-- 20261220000000). Their indexes cost every stored message a trigram insert into a million-row index; nothing reads
-- them any more.
DROP FUNCTION campotech_inbox_search_conversation_ids(text, text);
DROP FUNCTION campotech_inbox_search_among(text, text[]);
DROP FUNCTION campotech_inbox_search_customers_among(text, text, text[]);
DROP INDEX "Customer_search_name_trgm_idx";
DROP INDEX "Customer_search_profile_name_trgm_idx";
DROP INDEX "Customer_search_phone_digits_trgm_idx";
DROP INDEX "WhatsAppMessage_search_text_trgm_idx";
