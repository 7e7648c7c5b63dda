import { z } from "zod";

export const workersEnv = z.object({
  WORKERS_HEALTH_PORT: z.coerce.number().int().positive().default(3001),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(10),
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  // issue 20 (queues): where operators' browsers reach the workers' HTTP server (the queue dashboard at
  // /operador/colas). Must be same-site with PUBLIC_BASE_URL: the board's cookie is SameSite=Strict.
  WORKERS_PUBLIC_URL: z.url().default("http://localhost:3001"),
});
