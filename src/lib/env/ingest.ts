import { z } from "zod";

// issue 22 (ingest): the lean webhook ingest process (apps/ingest), an optional second host for /api/webhooks/*.
export const ingestEnv = z.object({
  INGEST_PORT: z.coerce.number().int().positive().default(3002),
  INGEST_HOST: z.string().min(1).default("0.0.0.0"),
  // How long SIGTERM waits for in-flight requests before closing connections anyway.
  INGEST_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});
