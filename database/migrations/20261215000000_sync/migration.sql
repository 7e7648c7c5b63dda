-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "JobAttachment" ADD COLUMN     "sha256" TEXT;

-- CreateTable
CREATE TABLE "JobTimeEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "technicianId" TEXT,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "minutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobTimeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncChange" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "jobId" TEXT,
    "technicianId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'job',
    "txid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncMutation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "mutationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "jobId" TEXT,
    "type" TEXT NOT NULL,
    "payloadHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "clientCreatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncMutation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncUpload" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobTimeEntry_jobId_idx" ON "JobTimeEntry"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "JobTimeEntry_organizationId_entryId_key" ON "JobTimeEntry"("organizationId", "entryId");

-- CreateIndex
CREATE INDEX "SyncChange_organizationId_technicianId_txid_id_idx" ON "SyncChange"("organizationId", "technicianId", "txid", "id");

-- CreateIndex
CREATE INDEX "SyncChange_organizationId_kind_txid_id_idx" ON "SyncChange"("organizationId", "kind", "txid", "id");

-- CreateIndex
CREATE INDEX "SyncChange_jobId_txid_idx" ON "SyncChange"("jobId", "txid");

-- CreateIndex
CREATE INDEX "SyncChange_createdAt_idx" ON "SyncChange"("createdAt");

-- CreateIndex
CREATE INDEX "SyncMutation_createdAt_idx" ON "SyncMutation"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncMutation_organizationId_mutationId_key" ON "SyncMutation"("organizationId", "mutationId");

-- CreateIndex
CREATE INDEX "SyncUpload_createdAt_idx" ON "SyncUpload"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncUpload_organizationId_sha256_key" ON "SyncUpload"("organizationId", "sha256");

-- AddForeignKey
ALTER TABLE "JobTimeEntry" ADD CONSTRAINT "JobTimeEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobTimeEntry" ADD CONSTRAINT "JobTimeEntry_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncMutation" ADD CONSTRAINT "SyncMutation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncUpload" ADD CONSTRAINT "SyncUpload_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: time entries, the change log, pushed mutations and uploads are tenant data.
ALTER TABLE "JobTimeEntry" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "JobTimeEntry"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "SyncChange" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SyncChange"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "SyncMutation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SyncMutation"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "SyncUpload" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SyncUpload"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

-- The change log is written by triggers, in the writer's own transaction, so every path that touches a job (the API,
-- the assistant, payments, the CLI) feeds the phones without remembering to. SECURITY INVOKER: the rows belong to the
-- organization whose row changed, which RLS already let the writer touch. One row per (job, technician, transaction):
-- setting twenty quote lines is one change, not forty.
CREATE FUNCTION campotech_sync_log(org text, job text, technician text, change_kind text) RETURNS void
  LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "SyncChange"
              WHERE "jobId" IS NOT DISTINCT FROM job AND "txid" = (pg_current_xact_id()::text)::bigint
                AND "technicianId" IS NOT DISTINCT FROM technician AND "kind" = change_kind AND "organizationId" = org) THEN
    RETURN;
  END IF;
  INSERT INTO "SyncChange" ("organizationId", "jobId", "technicianId", "kind") VALUES (org, job, technician, change_kind);
END $$;

-- A job: its technician after the change, and the one before when it moved (their phone gets a tombstone).
CREATE FUNCTION campotech_sync_job_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."technicianId" IS NOT NULL
     AND (TG_OP = 'DELETE' OR OLD."technicianId" IS DISTINCT FROM NEW."technicianId") THEN
    PERFORM campotech_sync_log(OLD."organizationId", OLD."id", OLD."technicianId", 'job');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."technicianId" IS NOT NULL THEN
    PERFORM campotech_sync_log(NEW."organizationId", NEW."id", NEW."technicianId", 'job');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER sync_job_changed AFTER INSERT OR UPDATE OR DELETE ON "Job"
  FOR EACH ROW EXECUTE FUNCTION campotech_sync_job_changed();

-- Quote lines, attachments, transitions and time entries are part of the job the phone holds.
CREATE FUNCTION campotech_sync_job_part_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  part_job text := CASE WHEN TG_OP = 'DELETE' THEN OLD."jobId" ELSE NEW."jobId" END;
  job_row record;
BEGIN
  SELECT "organizationId", "technicianId" INTO job_row FROM "Job" WHERE "id" = part_job;
  IF FOUND AND job_row."technicianId" IS NOT NULL THEN
    PERFORM campotech_sync_log(job_row."organizationId", part_job, job_row."technicianId", 'job');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER sync_job_line_item_changed AFTER INSERT OR UPDATE OR DELETE ON "JobLineItem"
  FOR EACH ROW EXECUTE FUNCTION campotech_sync_job_part_changed();
CREATE TRIGGER sync_job_attachment_changed AFTER INSERT OR UPDATE OR DELETE ON "JobAttachment"
  FOR EACH ROW EXECUTE FUNCTION campotech_sync_job_part_changed();
CREATE TRIGGER sync_job_transition_changed AFTER INSERT OR UPDATE OR DELETE ON "JobTransition"
  FOR EACH ROW EXECUTE FUNCTION campotech_sync_job_part_changed();
CREATE TRIGGER sync_job_time_entry_changed AFTER INSERT OR UPDATE OR DELETE ON "JobTimeEntry"
  FOR EACH ROW EXECUTE FUNCTION campotech_sync_job_part_changed();

-- The customer's name, phone and address travel with each of their recent jobs.
CREATE FUNCTION campotech_sync_customer_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  job_row record;
BEGIN
  FOR job_row IN SELECT "organizationId", "id", "technicianId" FROM "Job"
                  WHERE "customerId" = NEW."id" AND "technicianId" IS NOT NULL
                    AND ("scheduledStart" IS NULL OR "scheduledStart" > now() - interval '8 days' OR "status" IN ('en_camino', 'working'))
  LOOP
    PERFORM campotech_sync_log(job_row."organizationId", job_row."id", job_row."technicianId", 'job');
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER sync_customer_changed AFTER UPDATE ON "Customer"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."phone" IS DISTINCT FROM NEW."phone" OR OLD."address" IS DISTINCT FROM NEW."address")
  EXECUTE FUNCTION campotech_sync_customer_changed();

-- The price list (quote lines on the phone): one organization-wide change.
CREATE FUNCTION campotech_sync_price_list_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  PERFORM campotech_sync_log(CASE WHEN TG_OP = 'DELETE' THEN OLD."organizationId" ELSE NEW."organizationId" END, NULL, NULL, 'price_list');
  RETURN NULL;
END $$;
CREATE TRIGGER sync_price_list_changed AFTER INSERT OR UPDATE OR DELETE ON "PriceListItem"
  FOR EACH ROW EXECUTE FUNCTION campotech_sync_price_list_changed();
