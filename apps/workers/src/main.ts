import type { Server } from "node:http";
import { Queue } from "bullmq";
import { db } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { logger } from "@campotech/core/lib/logger";
import { initErrorReporting, reportError } from "@campotech/core/lib/observability/error-reporting"; // issue 20 (sentry)
import { flushObservability } from "@campotech/core/lib/observability/flush-on-exit"; // issue 20 (sentry)
import { createRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { warnIfRedisNotDurable } from "@campotech/core/modules/health"; // issue 22 (lead)
import {
  jobCatalog,
  MESSAGING_MAINTENANCE_SCHEDULE,
  messagingMaintenance,
  PAYMENTS_MAINTENANCE_SCHEDULE,
  paymentsMaintenance,
  OBSERVABILITY_PROBE_SCHEDULE, // issue 20 (lead)
  RELIABILITY_RECONCILE_SCHEDULE, // issue 22 (lead)
  reliabilityReconcileScheduledWork, // issue 22 (lead)
  observabilityProbeHealth, // issue 20 (lead)
  ALERTS_EVALUATE_SCHEDULE, // issue 20 (alerts)
  alertsEvaluate, // issue 20 (alerts)
  processJob,
  queuePrefix, // issue 22 (cluster)
  PROVISIONING_EXPIRE_SCHEDULE, // issue 19 (provisioning)
  provisioningExpireReservations,
  RETENTION_RUN_SCHEDULE, // issue 20 (retention)
  retentionRun, // issue 20 (retention)
  SYNC_MAINTENANCE_SCHEDULE,
  syncMaintenance,
  TRACKING_MAINTENANCE_SCHEDULE,
  trackingMaintenance,
  USAGE_RESET_SCHEDULE,
  usageResetMonthlyCounters,
} from "@campotech/core/workers";
import { startHealthServer } from "./health-server";
import { createQueueBoard } from "./queue-board"; // issue 20 (queues)
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
      queue = new Queue(name, { connection: schedulerConnection, prefix: queuePrefix(name) }); // issue 22 (cluster)
      schedulerQueues.set(name, queue);
    }
    return queue;
  };
  const running: { server?: Server; pool?: ReturnType<typeof startWorkers>; reregister?: NodeJS.Timeout } = {};
  const board = createQueueBoard({ redis: healthRedis }); // issue 20 (queues)

  // Registered before anything is awaited: a SIGTERM during start-up (a fast redeploy) must still shut down
  // cleanly instead of killing the process mid-way.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight jobs");
    running.server?.close();
    clearInterval(running.reregister);
    const { forced } = (await running.pool?.close()) ?? { forced: false };
    await Promise.all([...schedulerQueues.values()].map((q) => q.close().catch(() => {})));
    await board.close(); // issue 20 (queues)
    await Promise.all([schedulerConnection.quit(), healthRedis.quit()].map((p) => p.catch(() => {})));
    await db.$disconnect();
    await flushObservability(); // issue 20 (sentry): queued error reports and product events
    logger.info({ forced }, "workers stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await initErrorReporting({ service: "workers" }); // issue 20 (sentry): a no-op without SENTRY_DSN
  running.server = await startHealthServer({ db, redis: healthRedis, port: env.WORKERS_HEALTH_PORT, board: board.handle });
  void whenRedisReady(healthRedis, 10_000).then(() => warnIfRedisNotDurable(healthRedis, logger, env.REDIS_DURABILITY)).catch(() => {}); // issue 22 (lead)
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
    { job: observabilityProbeHealth, repeat: OBSERVABILITY_PROBE_SCHEDULE }, // issue 20 (lead)
    { job: reliabilityReconcileScheduledWork, repeat: RELIABILITY_RECONCILE_SCHEDULE }, // issue 22 (lead)
    { job: retentionRun, repeat: RETENTION_RUN_SCHEDULE }, // issue 20 (retention)
    { job: alertsEvaluate, repeat: ALERTS_EVALUATE_SCHEDULE }, // issue 20 (alerts)
  ];
  const registerSchedules = async () => {
    for (const { job, repeat } of schedules) {
      await schedulerQueue(job.queue)
        .upsertJobScheduler(job.name, repeat, { name: job.name, data: {} })
        .catch((error: Error) => logger.error({ err: error.message, job: job.name }, "could not register a job scheduler"));
    }
  };
  await registerSchedules();
  // issue 22 (lead): a Redis that lost its data also lost the schedulers, and with them the reconcile job that would
  // re-arm everything else; upserting again every few minutes (a no-op when present) closes that loop.
  running.reregister = setInterval(() => void registerSchedules(), 5 * 60_000).unref();
  logger.info({ port: env.WORKERS_HEALTH_PORT }, `workers ready; health on http://127.0.0.1:${env.WORKERS_HEALTH_PORT}/health`);
}

main().catch(async (error: Error) => {
  logger.fatal({ err: error.message }, "workers failed to start");
  reportError(error); // issue 20 (sentry)
  await flushObservability();
  process.exit(1);
});
