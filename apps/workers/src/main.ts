import type { Server } from "node:http";
import { Queue } from "bullmq";
import { db } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { logger } from "@campotech/core/lib/logger";
import { initErrorReporting, reportError } from "@campotech/core/lib/observability/error-reporting"; // issue 20 (sentry)
import { flushObservability } from "@campotech/core/lib/observability/flush-on-exit"; // issue 20 (sentry)
import { createRedis } from "@campotech/core/lib/redis";
import {
  jobCatalog,
  MESSAGING_MAINTENANCE_SCHEDULE,
  messagingMaintenance,
  PAYMENTS_MAINTENANCE_SCHEDULE,
  paymentsMaintenance,
  processJob,
  PROVISIONING_EXPIRE_SCHEDULE, // issue 19 (provisioning)
  provisioningExpireReservations,
  SYNC_MAINTENANCE_SCHEDULE,
  syncMaintenance,
  TRACKING_MAINTENANCE_SCHEDULE,
  trackingMaintenance,
  USAGE_RESET_SCHEDULE,
  usageResetMonthlyCounters,
} from "@campotech/core/workers";
import { startHealthServer } from "./health-server";
import { startWorkers } from "./start-workers";

process.title = "campotech-workers";

async function main(): Promise<void> {
  const healthRedis = createRedis("producer");
  const schedulerConnection = createRedis("worker");
  // Each scheduled job is added to its own queue (payments maintenance calls MercadoPago: it must not hold up the
  // system queue's every-minute maintenance).
  const schedulerQueues = new Map<string, Queue>();
  const schedulerQueue = (name: string) => {
    let queue = schedulerQueues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: schedulerConnection, prefix: env.QUEUE_PREFIX });
      schedulerQueues.set(name, queue);
    }
    return queue;
  };
  const running: { server?: Server; pool?: ReturnType<typeof startWorkers> } = {};

  // Registered before anything is awaited: a SIGTERM during start-up (a fast redeploy) must still shut down
  // cleanly instead of killing the process mid-way.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight jobs");
    running.server?.close();
    const { forced } = (await running.pool?.close()) ?? { forced: false };
    await Promise.all([...schedulerQueues.values()].map((q) => q.close().catch(() => {})));
    await Promise.all([schedulerConnection.quit(), healthRedis.quit()].map((p) => p.catch(() => {})));
    await db.$disconnect();
    await flushObservability(); // issue 20 (sentry): queued error reports and product events
    logger.info({ forced }, "workers stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await initErrorReporting({ service: "workers" }); // issue 20 (sentry): a no-op without SENTRY_DSN
  running.server = await startHealthServer({ db, redis: healthRedis, port: env.WORKERS_HEALTH_PORT });
  if (stopping) return;
  running.pool = startWorkers({ catalog: jobCatalog, processor: processJob });

  // Job schedulers are upserted by id: every worker process registering them at start keeps exactly one of each.
  const schedules = [
    { job: usageResetMonthlyCounters, repeat: USAGE_RESET_SCHEDULE },
    { job: messagingMaintenance, repeat: MESSAGING_MAINTENANCE_SCHEDULE },
    { job: paymentsMaintenance, repeat: PAYMENTS_MAINTENANCE_SCHEDULE },
    { job: trackingMaintenance, repeat: TRACKING_MAINTENANCE_SCHEDULE },
    { job: syncMaintenance, repeat: SYNC_MAINTENANCE_SCHEDULE },
    { job: provisioningExpireReservations, repeat: PROVISIONING_EXPIRE_SCHEDULE }, // issue 19 (provisioning)
  ];
  for (const { job, repeat } of schedules) {
    await schedulerQueue(job.queue)
      .upsertJobScheduler(job.name, repeat, { name: job.name, data: {} })
      .catch((error: Error) => logger.error({ err: error.message, job: job.name }, "could not register a job scheduler"));
  }
  logger.info({ port: env.WORKERS_HEALTH_PORT }, `workers ready; health on http://127.0.0.1:${env.WORKERS_HEALTH_PORT}/health`);
}

main().catch(async (error: Error) => {
  logger.fatal({ err: error.message }, "workers failed to start");
  reportError(error); // issue 20 (sentry)
  await flushObservability();
  process.exit(1);
});
