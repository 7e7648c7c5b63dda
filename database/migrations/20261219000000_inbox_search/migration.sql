-- issue 22 (inbox): the inbox list and its search on a large organization (bench/results/inbox-api.md).
-- Hand-written: Prisma's schema cannot express expression or trigram indexes; schema.prisma is unchanged.

-- The list's order, coalesce(lastMessageAt, createdAt) DESC, id DESC, read straight off an index (the keyset cursor
-- is a row comparison on the same two keys), for the whole inbox and for one assignee (the "assigned to" filter and
-- a technician's own inbox).
CREATE INDEX "WhatsAppConversation_inbox_order_idx"
  ON "WhatsAppConversation" ("organizationId", (coalesce("lastMessageAt", "createdAt")) DESC, "id" DESC);
CREATE INDEX "WhatsAppConversation_inbox_assignee_order_idx"
  ON "WhatsAppConversation" ("organizationId", "assignedToId", (coalesce("lastMessageAt", "createdAt")) DESC, "id" DESC);

-- Substring search (LIKE '%term%') on the same accent-folded expressions listConversations matches on
-- (src/modules/conversations/inbox-search-sql.ts): trigram GIN indexes. pg_trgm is a trusted extension (the database
-- owner creates it, no superuser).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Customer_search_name_trgm_idx" ON "Customer"
  USING gin ((translate(lower("name"), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc')) gin_trgm_ops);
CREATE INDEX "Customer_search_profile_name_trgm_idx" ON "Customer"
  USING gin ((translate(lower(coalesce("profileName", '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc')) gin_trgm_ops);
CREATE INDEX "Customer_search_phone_digits_trgm_idx" ON "Customer"
  USING gin ((regexp_replace(coalesce("phone", ''), '\D', '', 'g')) gin_trgm_ops);
CREATE INDEX "WhatsAppMessage_search_text_trgm_idx" ON "WhatsAppMessage"
  USING gin ((translate(lower(coalesce("content"->>'body', "content"->>'preview', "content"->>'caption', '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc')) gin_trgm_ops);

-- Row-level security stops those indexes from serving the application role: LIKE is not leakproof, so Postgres
-- evaluates the tenant policy first and the pattern only as a filter on every visible row (a scan of the whole
-- organization). This function runs the indexed lookup as the owner and returns only conversation ids of the
-- organization set for the transaction (the same setting the policies read), with their sort key. It reveals no
-- row data, and the caller joins the ids back under RLS, so another organization's id could not surface even if
-- one slipped through.
-- Patterns arrive already escaped and folded; a NULL digits pattern matches nothing.
CREATE FUNCTION campotech_inbox_search_conversation_ids(pattern text, digits_pattern text)
  RETURNS TABLE ("id" text, "sortKey" timestamp(3))
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  -- A few thousand matching customers are cheaper to follow one by one to their conversation (unique index) than
  -- by hashing the organization's every conversation, which is what the planner's estimates pick otherwise.
  SET enable_hashjoin = off SET enable_mergejoin = off
  ROWS 200
  AS $$
    SELECT c."id", coalesce(c."lastMessageAt", c."createdAt") FROM "Customer" cu
    JOIN "WhatsAppConversation" c ON c."organizationId" = cu."organizationId" AND c."customerId" = cu."id"
    WHERE cu."organizationId" = current_setting('app.current_organization_id', true)
      AND (translate(lower(cu."name"), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE pattern
        OR translate(lower(coalesce(cu."profileName", '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE pattern
        OR regexp_replace(coalesce(cu."phone", ''), '\D', '', 'g') LIKE digits_pattern)
    UNION
    SELECT c."id", coalesce(c."lastMessageAt", c."createdAt") FROM "WhatsAppConversation" c
    WHERE c."organizationId" = current_setting('app.current_organization_id', true)
      AND c."id" IN (
        SELECT m."conversationId" FROM "WhatsAppMessage" m
        WHERE m."organizationId" = current_setting('app.current_organization_id', true)
          AND translate(lower(coalesce(m."content"->>'body', m."content"->>'preview', m."content"->>'caption', '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc') LIKE pattern)
  $$;

REVOKE ALL ON FUNCTION campotech_inbox_search_conversation_ids(text, text) FROM PUBLIC;

-- "Open emergency" (src/modules/conversations/open-emergency-sql.ts: the list's badge, the Urgencias filter and its
-- count) without reading every job and lead of the organization: partial indexes holding only the open EMERGENCY
-- rows, keyed the way the EXISTS probes them.
CREATE INDEX "Job_open_emergency_customer_idx" ON "Job" ("organizationId", "customerId")
  WHERE "urgency" = 'EMERGENCY' AND "status" NOT IN ('completed', 'cancelled');
CREATE INDEX "Lead_open_emergency_conversation_idx" ON "Lead" ("organizationId", "conversationId")
  WHERE "urgency" = 'EMERGENCY' AND "status" IN ('NEW', 'QUOTED', 'SCHEDULED');
