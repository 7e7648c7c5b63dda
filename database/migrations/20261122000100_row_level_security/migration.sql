-- Tenant isolation enforced by Postgres itself (architecture/adr/0001-row-level-security.md).
-- The application role (DATABASE_URL) has no BYPASSRLS and is not the owner, so these policies always apply to it.
-- Every unit of work sets app.current_organization_id for its transaction (database/src/tenant.ts). With no
-- organization set, current_setting(..., true) is NULL or '' and no row matches: nothing is visible or writable.

ALTER TABLE "Organization" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Organization"
  USING ("id" = current_setting('app.current_organization_id', true))
  WITH CHECK ("id" = current_setting('app.current_organization_id', true));

ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "User"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "Customer" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Customer"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "WhatsAppBusinessAccount" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WhatsAppBusinessAccount"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "WhatsAppConversation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WhatsAppConversation"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "WhatsAppMessage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WhatsAppMessage"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "WaTemplate" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WaTemplate"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "PanicMode" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PanicMode"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditLog"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "PriceListItem" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PriceListItem"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));
