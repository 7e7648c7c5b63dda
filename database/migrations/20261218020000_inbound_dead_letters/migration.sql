-- issue 22 (poison): inbound items that could not be stored after their delivery's retries (docs/inbound-pipeline.md).
-- CreateTable
CREATE TABLE "InboundDeadLetter" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "provider" "BspProvider" NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "item" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "replayCount" INTEGER NOT NULL DEFAULT 0,
    "lastReplayError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "replayedAt" TIMESTAMP(3),

    CONSTRAINT "InboundDeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundDeadLetter_organizationId_replayedAt_createdAt_idx" ON "InboundDeadLetter"("organizationId", "replayedAt", "createdAt");

-- CreateIndex
CREATE INDEX "InboundDeadLetter_createdAt_idx" ON "InboundDeadLetter"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundDeadLetter_deliveryId_kind_itemKey_key" ON "InboundDeadLetter"("deliveryId", "kind", "itemKey");

-- AddForeignKey
ALTER TABLE "InboundDeadLetter" ADD CONSTRAINT "InboundDeadLetter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: inbound dead letters are tenant data.
ALTER TABLE "InboundDeadLetter" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "InboundDeadLetter"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));
