-- CreateEnum
CREATE TYPE "ArcaEnvironment" AS ENUM ('HOMOLOGACION', 'PRODUCCION');

-- CreateEnum
CREATE TYPE "IssuerIvaCondition" AS ENUM ('RESPONSABLE_INSCRIPTO', 'MONOTRIBUTO', 'EXENTO');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'PENDING', 'AUTHORIZING', 'AUTHORIZED', 'REJECTED');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "email" TEXT,
ADD COLUMN     "ivaConditionId" INTEGER,
ADD COLUMN     "taxDocNumber" TEXT,
ADD COLUMN     "taxDocType" INTEGER;

-- CreateTable
CREATE TABLE "ArcaConnection" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "environment" "ArcaEnvironment" NOT NULL DEFAULT 'HOMOLOGACION',
    "cuit" TEXT NOT NULL,
    "pointOfSale" INTEGER,
    "issuerCondition" "IssuerIvaCondition" NOT NULL DEFAULT 'RESPONSABLE_INSCRIPTO',
    "businessName" TEXT NOT NULL,
    "businessAddress" TEXT NOT NULL DEFAULT '',
    "grossIncomeNumber" TEXT,
    "activityStartDate" TEXT,
    "certificatePem" TEXT,
    "certificateSubject" TEXT,
    "certificateNotAfter" TIMESTAMP(3),
    "certificateFingerprint" TEXT,
    "privateKeyEncrypted" TEXT,
    "pendingKeyEncrypted" TEXT,
    "csrPem" TEXT,
    "lastCheckAt" TIMESTAMP(3),
    "lastCheck" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArcaConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArcaTicket" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "environment" "ArcaEnvironment" NOT NULL,
    "service" TEXT NOT NULL,
    "certificateFingerprint" TEXT NOT NULL,
    "tokenEncrypted" TEXT NOT NULL,
    "signEncrypted" TEXT NOT NULL,
    "generationTime" TIMESTAMP(3) NOT NULL,
    "expirationTime" TIMESTAMP(3) NOT NULL,
    "renewNotBefore" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArcaTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "jobId" TEXT,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
    "letter" TEXT NOT NULL,
    "voucherType" INTEGER NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'DRAFT',
    "environment" "ArcaEnvironment" NOT NULL,
    "pointOfSale" INTEGER NOT NULL,
    "number" INTEGER,
    "concept" INTEGER NOT NULL DEFAULT 2,
    "issueDate" TEXT NOT NULL,
    "serviceFrom" TEXT NOT NULL,
    "serviceTo" TEXT NOT NULL,
    "paymentDueDate" TEXT NOT NULL,
    "receiverName" TEXT NOT NULL,
    "receiverDocType" INTEGER NOT NULL,
    "receiverDocNumber" TEXT NOT NULL,
    "receiverIvaConditionId" INTEGER NOT NULL,
    "receiverAddress" TEXT,
    "receiverEmail" TEXT,
    "netCents" INTEGER NOT NULL,
    "exemptCents" INTEGER NOT NULL DEFAULT 0,
    "ivaCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "ivaBreakdown" JSONB NOT NULL DEFAULT '[]',
    "cae" TEXT,
    "caeDueDate" TEXT,
    "authorizedAt" TIMESTAMP(3),
    "arcaObservations" JSONB NOT NULL DEFAULT '[]',
    "arcaErrors" JSONB NOT NULL DEFAULT '[]',
    "lastError" TEXT,
    "requestedNumber" INTEGER,
    "requestedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "creditedInvoiceId" TEXT,
    "pdfStorageKey" TEXT,
    "sentAt" TIMESTAMP(3),
    "sentMessageId" TEXT,
    "emailedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "ivaRateBps" INTEGER NOT NULL,
    "netCents" INTEGER NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArcaConnection_organizationId_key" ON "ArcaConnection"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ArcaTicket_organizationId_environment_service_key" ON "ArcaTicket"("organizationId", "environment", "service");

-- CreateIndex
CREATE INDEX "Invoice_organizationId_status_createdAt_idx" ON "Invoice"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Invoice_organizationId_createdAt_idx" ON "Invoice"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Invoice_jobId_idx" ON "Invoice"("jobId");

-- CreateIndex
CREATE INDEX "Invoice_customerId_idx" ON "Invoice"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_organizationId_environment_pointOfSale_voucherType__key" ON "Invoice"("organizationId", "environment", "pointOfSale", "voucherType", "number");

-- CreateIndex
CREATE INDEX "InvoiceLine_invoiceId_position_idx" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE INDEX "InvoiceLine_organizationId_idx" ON "InvoiceLine"("organizationId");

-- AddForeignKey
ALTER TABLE "ArcaConnection" ADD CONSTRAINT "ArcaConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArcaTicket" ADD CONSTRAINT "ArcaTicket_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_creditedInvoiceId_fkey" FOREIGN KEY ("creditedInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: ARCA connections, tickets, invoices and their lines are tenant data (same policy as
-- 20261122000100_row_level_security).
ALTER TABLE "ArcaConnection" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ArcaConnection"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "ArcaTicket" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ArcaTicket"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "Invoice" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invoice"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

ALTER TABLE "InvoiceLine" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "InvoiceLine"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));

-- An authorized invoice is a legal document: nothing about it may change except what happens after it was issued
-- (sending it, its PDF). The application never tries; this makes it impossible.
CREATE FUNCTION campotech_invoice_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'AUTHORIZED' AND (
       NEW."status" IS DISTINCT FROM OLD."status" OR NEW."number" IS DISTINCT FROM OLD."number"
    OR NEW."cae" IS DISTINCT FROM OLD."cae" OR NEW."totalCents" IS DISTINCT FROM OLD."totalCents"
    OR NEW."netCents" IS DISTINCT FROM OLD."netCents" OR NEW."ivaCents" IS DISTINCT FROM OLD."ivaCents"
    OR NEW."receiverDocNumber" IS DISTINCT FROM OLD."receiverDocNumber" OR NEW."receiverName" IS DISTINCT FROM OLD."receiverName"
    OR NEW."issueDate" IS DISTINCT FROM OLD."issueDate" OR NEW."voucherType" IS DISTINCT FROM OLD."voucherType"
    OR NEW."pointOfSale" IS DISTINCT FROM OLD."pointOfSale" OR NEW."customerId" IS DISTINCT FROM OLD."customerId") THEN
    RAISE EXCEPTION 'invoice % is authorized and cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER invoice_immutable BEFORE UPDATE ON "Invoice" FOR EACH ROW EXECUTE FUNCTION campotech_invoice_immutable();

CREATE FUNCTION campotech_invoice_line_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Invoice" WHERE "id" = COALESCE(OLD."invoiceId", NEW."invoiceId") AND "status" = 'AUTHORIZED') THEN
    RAISE EXCEPTION 'the lines of an authorized invoice cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER invoice_line_immutable BEFORE UPDATE OR DELETE ON "InvoiceLine" FOR EACH ROW EXECUTE FUNCTION campotech_invoice_line_immutable();
