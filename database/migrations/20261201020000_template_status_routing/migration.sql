-- Template status webhooks (message_template_status_update) name the WABA, not a phone number. This returns the
-- organizations whose active accounts belong to that WABA, nothing else.
CREATE FUNCTION campotech_waba_organizations(p_waba_id text) RETURNS SETOF text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT DISTINCT "organizationId" FROM "WhatsAppBusinessAccount"
        WHERE "wabaId" = p_waba_id AND "provisioningStatus" <> 'RELEASED' $$;

REVOKE ALL ON FUNCTION campotech_waba_organizations(text) FROM PUBLIC;
