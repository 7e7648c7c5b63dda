-- issue 22 (ops): notifications deferred by quiet hours live in Postgres; Redis only holds the wake-up job.
-- CreateTable
CREATE TABLE "DeferredNotification" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeferredNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeferredNotification_organizationId_sentAt_sendAt_idx" ON "DeferredNotification"("organizationId", "sentAt", "sendAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeferredNotification_organizationId_key_key" ON "DeferredNotification"("organizationId", "key");

-- AddForeignKey
ALTER TABLE "DeferredNotification" ADD CONSTRAINT "DeferredNotification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security: a deferred notification is tenant data.
ALTER TABLE "DeferredNotification" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DeferredNotification"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));
