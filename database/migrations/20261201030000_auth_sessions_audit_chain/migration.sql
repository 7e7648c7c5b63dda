-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" INTEGER;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "staffUserId" TEXT;

-- CreateTable
CREATE TABLE "RefreshToken" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "rotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RefreshToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RefreshToken_tokenHash_key" ON "RefreshToken"("tokenHash");

-- CreateIndex
CREATE INDEX "RefreshToken_organizationId_familyId_idx" ON "RefreshToken"("organizationId", "familyId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_organizationId_seq_key" ON "AuditLog"("organizationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_organizationId_staffUserId_key" ON "Customer"("organizationId", "staffUserId");

-- AddForeignKey
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation for the new table (architecture/adr/0001-row-level-security.md).
ALTER TABLE "RefreshToken" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RefreshToken"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

-- OTP login starts before any organization is known: given a normalized phone, this returns the active users
-- with it in active organizations (user id, name and role; organization id and name) — nothing else of any tenant. The app role can
-- not read other tenants' "User" rows directly.
CREATE FUNCTION campotech_users_by_phone(p_phone text)
  RETURNS TABLE (user_id text, organization_id text, organization_name text, role "UserRole", name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT u."id", u."organizationId", o."name", u."role", u."name"
      FROM "User" u JOIN "Organization" o ON o."id" = u."organizationId"
     WHERE u."phone" = p_phone AND u."isActive" AND o."status" = 'ACTIVE'
     ORDER BY u."createdAt", u."id"
  $$;

REVOKE ALL ON FUNCTION campotech_users_by_phone(text) FROM PUBLIC;
