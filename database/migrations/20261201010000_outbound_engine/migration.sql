-- CreateEnum
CREATE TYPE "OutboundPriority" AS ENUM ('HIGH', 'NORMAL', 'LOW');

-- CreateTable
CREATE TABLE "OutboundDelivery" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "priority" "OutboundPriority" NOT NULL DEFAULT 'NORMAL',
    "purpose" TEXT NOT NULL DEFAULT 'reply',
    "templateFallback" JSONB,
    "scheduledAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastErrorCode" TEXT,
    "lastErrorTitle" TEXT,
    "nextAttemptAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "heldAt" TIMESTAMP(3),
    "heldReason" TEXT,
    "deadLetteredAt" TIMESTAMP(3),
    "deadLetterReason" TEXT,
    "replayCount" INTEGER NOT NULL DEFAULT 0,
    "smsFallback" BOOLEAN NOT NULL DEFAULT false,
    "smsSentAt" TIMESTAMP(3),
    "smsSid" TEXT,
    "smsStatus" TEXT,
    "smsReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboundDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboundDelivery_messageId_key" ON "OutboundDelivery"("messageId");

-- CreateIndex
CREATE INDEX "OutboundDelivery_organizationId_deadLetteredAt_idx" ON "OutboundDelivery"("organizationId", "deadLetteredAt");

-- CreateIndex
CREATE INDEX "OutboundDelivery_organizationId_accountId_heldAt_idx" ON "OutboundDelivery"("organizationId", "accountId", "heldAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundDelivery_organizationId_idempotencyKey_key" ON "OutboundDelivery"("organizationId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "WhatsAppMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation for the new table (architecture/adr/0001-row-level-security.md).
ALTER TABLE "OutboundDelivery" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OutboundDelivery"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));
