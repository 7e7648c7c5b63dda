import { z } from "zod";

export const workersEnv = z.object({
  WORKERS_HEALTH_PORT: z.coerce.number().int().positive().default(3001),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(10),
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  // issue 20 (queues): where operators' browsers reach the workers' HTTP server (the queue dashboard at
  // /operador/colas). Same site as PUBLIC_BASE_URL (the board's cookie is SameSite=Strict). Empty:
  // http://localhost:<WORKERS_HEALTH_PORT>.
  WORKERS_PUBLIC_URL: z.union([z.literal(""), z.url()]).default(""),
  // issue 22 (faults): how long a job's lock lives without renewal — after a worker process dies (SIGKILL, OOM, lost
  // host), its in-flight jobs wait about this long (plus one stalled-check interval of the same length) before another
  // process takes them. Shorter recovers faster at the cost of more lock renewals (every half of it, per active job).
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30_000),
});
