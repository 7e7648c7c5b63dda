-- CreateEnum
CREATE TYPE "LeadStatus" AS ENUM ('NEW', 'QUOTED', 'SCHEDULED', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "AssistantEngine" AS ENUM ('OFFLINE', 'OPENAI');

-- AlterTable
ALTER TABLE "WhatsAppConversation" ADD COLUMN     "assistantPausedUntil" TIMESTAMP(3),
ADD COLUMN     "assistantState" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "Lead" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "conversationId" TEXT,
    "status" "LeadStatus" NOT NULL DEFAULT 'NEW',
    "serviceType" "ServiceType",
    "priceListCode" TEXT,
    "quotedCents" INTEGER,
    "urgency" "JobUrgency" NOT NULL DEFAULT 'NORMAL',
    "summary" TEXT NOT NULL,
    "jobId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'assistant',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistantRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "turnId" TEXT NOT NULL,
    "engine" "AssistantEngine" NOT NULL,
    "intent" TEXT NOT NULL,
    "emergencyKind" TEXT,
    "outcome" TEXT NOT NULL,
    "reply" TEXT,
    "toolCalls" JSONB NOT NULL DEFAULT '[]',
    "counted" BOOLEAN NOT NULL DEFAULT false,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistantRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Lead_organizationId_status_updatedAt_idx" ON "Lead"("organizationId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Lead_customerId_status_idx" ON "Lead"("customerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AssistantRun_turnId_key" ON "AssistantRun"("turnId");

-- CreateIndex
CREATE INDEX "AssistantRun_organizationId_createdAt_idx" ON "AssistantRun"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "AssistantRun_conversationId_createdAt_idx" ON "AssistantRun"("conversationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "WhatsAppConversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistantRun" ADD CONSTRAINT "AssistantRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistantRun" ADD CONSTRAINT "AssistantRun_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "WhatsAppConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: leads and assistant runs are tenant data (same policy as 20261122000100_row_level_security).
ALTER TABLE "Lead" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Lead"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "AssistantRun" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AssistantRun"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));
