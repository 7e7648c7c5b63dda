-- CreateEnum
CREATE TYPE "JobLocationSource" AS ENUM ('GEOCODED', 'TECHNICIAN', 'DASHBOARD');

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "geocodedAt" TIMESTAMP(3),
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "locationSource" "JobLocationSource",
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "vehicle" TEXT,
ADD COLUMN     "vehiclePlate" TEXT;

-- CreateTable
CREATE TABLE "TechnicianPosition" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "technicianId" TEXT NOT NULL,
    "jobId" TEXT,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "accuracy" DOUBLE PRECISION,
    "speed" DOUBLE PRECISION,
    "heading" DOUBLE PRECISION,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TechnicianPosition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TechnicianPosition_organizationId_recordedAt_idx" ON "TechnicianPosition"("organizationId", "recordedAt");

-- CreateIndex
CREATE INDEX "TechnicianPosition_jobId_idx" ON "TechnicianPosition"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "TechnicianPosition_technicianId_recordedAt_key" ON "TechnicianPosition"("technicianId", "recordedAt");

-- AddForeignKey
ALTER TABLE "TechnicianPosition" ADD CONSTRAINT "TechnicianPosition_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TechnicianPosition" ADD CONSTRAINT "TechnicianPosition_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TechnicianPosition" ADD CONSTRAINT "TechnicianPosition_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security: position history is tenant data.
ALTER TABLE "TechnicianPosition" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TechnicianPosition"
  USING ("organizationId" = current_setting('app.current_organization_id', true))
  WITH CHECK ("organizationId" = current_setting('app.current_organization_id', true));
