-- issue 20 (retention): retention and privacy (Ley 25.326). No new tables, so no new RLS policies: the columns
-- live on tenant tables whose policies already apply.

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WhatsAppConversation" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WhatsAppMessage" ADD COLUMN     "purgedAt" TIMESTAMP(3);

-- Retention of platform-level sightings of unknown business numbers (UnroutedWebhookNumber has RLS with no policy:
-- the application role cannot touch it). The nightly retention job runs as the application role, so deleting the
-- rows not seen since p_before goes through this function, at most p_limit rows per call (short transactions).
-- p_dry_run only counts. Returns how many rows were (or would be) removed.
CREATE FUNCTION campotech_purge_unrouted_numbers(p_before timestamp(3), p_limit integer, p_dry_run boolean) RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  DECLARE removed integer;
  BEGIN
    IF p_dry_run THEN
      SELECT count(*)::int INTO removed FROM "UnroutedWebhookNumber" WHERE "lastSeenAt" < p_before;
      RETURN removed;
    END IF;
    DELETE FROM "UnroutedWebhookNumber" WHERE "id" IN (
      SELECT "id" FROM "UnroutedWebhookNumber" WHERE "lastSeenAt" < p_before ORDER BY "lastSeenAt" LIMIT p_limit
    );
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
  END
  $$;

REVOKE ALL ON FUNCTION campotech_purge_unrouted_numbers(timestamp(3), integer, boolean) FROM PUBLIC;
