-- System jobs (monthly usage reset, panic-mode auto-resolve…) run as the application role and must still set an
-- organization per transaction. This function is their only cross-tenant read: the ids of active organizations,
-- nothing else. SECURITY DEFINER runs it as the owner; search_path is pinned so it cannot be hijacked.
CREATE FUNCTION campotech_active_organization_ids() RETURNS SETOF text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT "id" FROM "Organization" WHERE "status" = 'ACTIVE' ORDER BY "id" $$;

REVOKE ALL ON FUNCTION campotech_active_organization_ids() FROM PUBLIC;
