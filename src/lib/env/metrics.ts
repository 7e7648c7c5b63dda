import { z } from "zod";

// Prometheus scraping (docs/operations.md "Metrics"): the bearer token the scraper sends to GET /api/metrics (web)
// and GET /metrics (workers' health port). Unset or empty: both endpoints answer 404, metrics are off.
export const metricsEnv = z.object({
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.string().min(16, "must be at least 16 characters").optional()),
});
