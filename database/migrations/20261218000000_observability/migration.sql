-- issue 20: persisted webhook ack latency and health probes (platform data: no organization, no RLS).
-- CreateTable
CREATE TABLE "WebhookAckMinute" (
    "minute" TIMESTAMP(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sumMs" DOUBLE PRECISION NOT NULL,
    "maxMs" DOUBLE PRECISION NOT NULL,
    "buckets" INTEGER[],

    CONSTRAINT "WebhookAckMinute_pkey" PRIMARY KEY ("minute","provider","result")
);

-- CreateTable
CREATE TABLE "HealthProbe" (
    "minute" TIMESTAMP(3) NOT NULL,
    "service" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "HealthProbe_pkey" PRIMARY KEY ("minute","service")
);

-- CreateIndex
CREATE INDEX "HealthProbe_service_minute_idx" ON "HealthProbe"("service", "minute");
