import { Worker, type Job } from "bullmq";
import { queuePrefix, type JobDefinition } from "@campotech/core/workers";
import { env } from "@campotech/core/lib/env";
import { logger } from "@campotech/core/lib/logger";
import { createRedis } from "@campotech/core/lib/redis";

export type WorkerPool = { workers: Worker[]; close(timeoutMs?: number): Promise<{ forced: boolean }> };

// One Worker per queue that the catalog uses. close() lets in-flight jobs finish (BullMQ stops fetching new ones)
// and only forces after the timeout, leaving unfinished jobs to BullMQ's stalled-job recovery.
export function startWorkers(options: {
  catalog: readonly JobDefinition[];
  processor: (job: Job, token?: string) => Promise<unknown>;
  concurrency?: number;
  prefix?: string;
}): WorkerPool {
  const queueNames = [...new Set(options.catalog.map((job) => job.queue))];
  const workers = queueNames.map((queue) => {
    const worker = new Worker(queue, options.processor, {
      connection: createRedis("worker"),
      prefix: queuePrefix(queue, options.prefix), // issue 22 (cluster)
      concurrency: options.concurrency ?? env.WORKER_CONCURRENCY,
      lockDuration: env.WORKER_LOCK_DURATION_MS, // issue 22 (faults)
      stalledInterval: env.WORKER_LOCK_DURATION_MS,
    });
    worker.on("failed", (job, error) => {
      logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error.message }, "job failed");
    });
    worker.on("error", (error) => logger.error({ queue, err: error.message }, "worker error"));
    return worker;
  });
  logger.info({ queues: queueNames }, "workers started");

  return {
    workers,
    async close(timeoutMs = env.WORKER_SHUTDOWN_TIMEOUT_MS) {
      let forced = false;
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => "done" as const);
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), timeoutMs);
      });
      if ((await Promise.race([graceful, timeout])) === "timeout") {
        forced = true;
        logger.warn({ timeoutMs }, "in-flight jobs did not finish in time; forcing close");
        // issue 22 (cluster): close(true) returns the close already under way; bounded like disconnect() below.
        await atMost(2_000, Promise.all(workers.map((w) => w.close(true))));
      }
      clearTimeout(timer);
      // issue 22 (cluster): on a Redis Cluster, BullMQ's disconnect() of an already closed worker was seen never to
      // resolve (waiting for an "end" the client had already passed). Bounded, so SIGTERM always ends the process.
      await atMost(2_000, Promise.all(workers.map((w) => w.disconnect().catch(() => {}))));
      return { forced };
    },
  };
}

function atMost(ms: number, work: Promise<unknown>): Promise<unknown> {
  return Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}
