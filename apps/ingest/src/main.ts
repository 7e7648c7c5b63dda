import { db } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { logger } from "@campotech/core/lib/logger";
import { initErrorReporting, reportError } from "@campotech/core/lib/observability/error-reporting";
import { flushObservability } from "@campotech/core/lib/observability/flush-on-exit";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { warnIfRedisNotDurable } from "@campotech/core/modules/health";
import { flushWebhookAcks } from "@campotech/core/modules/observability";
import { closeWebhookDeps, defaultWebhookDeps } from "@campotech/core/modules/webhooks";
import { createIngestServer } from "./ingest-server";

// The lean webhook ingest process (issue 22): the same endpoints as apps/web's /api/webhooks/*, without Next.
process.title = "campotech-ingest";

async function main(): Promise<void> {
  await initErrorReporting({ service: "ingest" }); // a no-op without SENTRY_DSN
  // The queues and the fail-fast connection exist before the first request, so none of them pays for creating them.
  const { redis } = defaultWebhookDeps();
  const ingest = createIngestServer({ db, redis });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: ingest.inFlight() }, "ingest shutting down: answering in-flight webhooks");
    const forced = setTimeout(() => {
      logger.warn({ inFlight: ingest.inFlight() }, "ingest: in-flight requests did not finish in time");
      ingest.server.closeAllConnections();
    }, env.INGEST_SHUTDOWN_TIMEOUT_MS).unref();
    await ingest.drain();
    clearTimeout(forced);
    // Only now: a request still being answered needs its queue and connection.
    await closeWebhookDeps();
    await flushWebhookAcks().catch((error: Error) => logger.warn({ err: error.message }, "webhook ack samples not flushed"));
    await db.$disconnect();
    await flushObservability();
    logger.info("ingest stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await new Promise<void>((resolve, reject) => {
    ingest.server.once("error", reject);
    ingest.server.listen(env.INGEST_PORT, env.INGEST_HOST, resolve);
  });
  void whenRedisReady(redis, 10_000).then(() => warnIfRedisNotDurable(sharedRedis(), logger, env.REDIS_DURABILITY)).catch(() => {});
  logger.info({ port: env.INGEST_PORT }, "ingest ready");
  console.log(`> CampoTech ingest on http://${env.INGEST_HOST}:${env.INGEST_PORT} (webhooks under /api/webhooks/*, /health)`);
}

main().catch(async (error: Error) => {
  logger.fatal({ err: error.message }, "ingest failed to start");
  reportError(error);
  await flushObservability();
  process.exit(1);
});
