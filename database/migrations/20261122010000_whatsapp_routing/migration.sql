-- Webhooks arrive before any organization is known. These SECURITY DEFINER functions are the only cross-tenant
-- reads the webhook path gets: given what the provider tells us (phone number id, display number, the orgId in a
-- 360dialog URL), they return the owning organization, the account and its sealed (AES-GCM) secrets. Nothing else
-- of any tenant is reachable through them. Released numbers never route.
CREATE FUNCTION campotech_whatsapp_routes(
  p_provider "BspProvider",
  p_phone_number_id text,
  p_display_number text,
  p_organization_id text
) RETURNS TABLE (
  organization_id text,
  account_id text,
  provisioning_status "ProvisioningStatus",
  phone_number_id text,
  display_phone_number text,
  credentials_encrypted text,
  webhook_secret_encrypted text
)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT a."organizationId", a."id", a."provisioningStatus", a."phoneNumberId", a."displayPhoneNumber",
           a."credentialsEncrypted", a."webhookSecretEncrypted"
      FROM "WhatsAppBusinessAccount" a
     WHERE a."bspProvider" = p_provider
       AND a."provisioningStatus" <> 'RELEASED'
       AND (p_organization_id IS NULL OR a."organizationId" = p_organization_id)
       AND (
         (p_phone_number_id IS NOT NULL AND a."phoneNumberId" = p_phone_number_id)
         OR (p_phone_number_id IS NULL AND p_display_number IS NOT NULL AND a."displayPhoneNumber" = p_display_number)
         OR (p_phone_number_id IS NULL AND p_display_number IS NULL AND p_organization_id IS NOT NULL)
       )
     ORDER BY a."createdAt"
  $$;

REVOKE ALL ON FUNCTION campotech_whatsapp_routes("BspProvider", text, text, text) FROM PUBLIC;
