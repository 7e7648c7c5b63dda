-- Self-serve signup, team invitations, plan change requests and number provisioning (issue 19).
-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PlanChangeStatus" AS ENUM ('PENDING', 'APPLIED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NumberProvisioningStatus" AS ENUM ('NOT_STARTED', 'PENDING_NUMBER_SELECTION', 'PENDING_VERIFICATION', 'ACTIVE', 'SUSPENDED', 'RELEASED');

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "needsReassignment" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "ivaCondition" "IssuerIvaCondition",
ADD COLUMN     "locality" TEXT,
ADD COLUMN     "onboardingDismissedAt" TIMESTAMP(3),
ADD COLUMN     "signupPhone" TEXT,
ADD COLUMN     "trades" "ServiceType"[] DEFAULT ARRAY[]::"ServiceType"[],
ADD COLUMN     "trialEndsAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastActiveAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TeamInvitation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentCount" INTEGER NOT NULL DEFAULT 1,
    "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING',
    "invitedById" TEXT,
    "userId" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanChangeRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "fromTier" "Tier" NOT NULL,
    "toTier" "Tier" NOT NULL,
    "status" "PlanChangeStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT,
    "note" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberProvisioning" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "NumberProvisioningStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "areaCode" TEXT,
    "poolNumberId" TEXT,
    "reservationId" TEXT,
    "channelId" TEXT,
    "phoneNumber" TEXT,
    "reservedUntil" TIMESTAMP(3),
    "verificationPhone" TEXT,
    "verificationSentAt" TIMESTAMP(3),
    "verificationExpiresAt" TIMESTAMP(3),
    "verificationAttempts" INTEGER NOT NULL DEFAULT 0,
    "resendCount" INTEGER NOT NULL DEFAULT 0,
    "accountId" TEXT,
    "activatedAt" TIMESTAMP(3),
    "suspendedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NumberProvisioning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamInvitation_organizationId_status_idx" ON "TeamInvitation"("organizationId", "status");

-- CreateIndex
CREATE INDEX "TeamInvitation_phone_status_idx" ON "TeamInvitation"("phone", "status");

-- CreateIndex
CREATE INDEX "PlanChangeRequest_organizationId_status_idx" ON "PlanChangeRequest"("organizationId", "status");

-- CreateIndex
CREATE INDEX "PlanChangeRequest_status_createdAt_idx" ON "PlanChangeRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "NumberProvisioning_organizationId_status_idx" ON "NumberProvisioning"("organizationId", "status");

-- CreateIndex
CREATE INDEX "NumberProvisioning_status_reservedUntil_idx" ON "NumberProvisioning"("status", "reservedUntil");

-- CreateIndex
CREATE INDEX "Organization_signupPhone_idx" ON "Organization"("signupPhone");

-- AddForeignKey
ALTER TABLE "TeamInvitation" ADD CONSTRAINT "TeamInvitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChangeRequest" ADD CONSTRAINT "PlanChangeRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberProvisioning" ADD CONSTRAINT "NumberProvisioning_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: invitations, plan requests and provisionings are tenant data.
ALTER TABLE "TeamInvitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TeamInvitation"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "PlanChangeRequest" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlanChangeRequest"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "NumberProvisioning" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "NumberProvisioning"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));
