import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../../lib/env";
import { logger } from "../../lib/logger";
// Registers every family, so the scrape lists them all even before their code paths ran in this process.
import "../../lib/metrics/catalog";
import { metricsRegistry } from "../../lib/metrics/registry";
import { collectPanicModes } from "./collect-panic-modes";
import { collectQueueDepth } from "./collect-queue-depth";

export type MetricsResponse = { status: number; headers: Record<string, string>; body: string };

const json = (status: number, code: string, message: string, extra: Record<string, string> = {}): MetricsResponse => ({
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store", ...extra },
  body: JSON.stringify({ error: { code, message } }),
});

// GET /api/metrics (web) and GET /metrics (workers): the Prometheus text exposition, for a scraper that sends
// `Authorization: Bearer <METRICS_TOKEN>`. No token configured: 404 (metrics are off and the endpoint looks absent).
// The scrape-time gauges (queues, panic modes) are read first; one that fails is logged and left out (its series
// disappear rather than repeat stale values) and the rest still answer.
export async function serveMetrics(authorization: string | null | undefined): Promise<MetricsResponse> {
  const token = env.METRICS_TOKEN;
  if (!token) return json(404, "NOT_FOUND", "Las métricas están desactivadas (configurá METRICS_TOKEN).");
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  const challenge = { "www-authenticate": 'Bearer realm="metrics"' };
  if (!given) return json(401, "UNAUTHORIZED", "Falta el token de métricas (Authorization: Bearer …).", challenge);
  if (!sameSecret(given, token)) return json(401, "UNAUTHORIZED", "El token de métricas no es válido.", challenge);

  const collected = await Promise.allSettled([collectQueueDepth(), collectPanicModes()]);
  for (const result of collected) {
    if (result.status === "rejected") logger.warn({ err: (result.reason as Error).message }, "metrics: a scrape-time collector failed");
  }
  const registry = metricsRegistry();
  return { status: 200, headers: { "content-type": registry.contentType, "cache-control": "no-store" }, body: await registry.metrics() };
}

// Constant time regardless of where the strings differ or how long they are (both sides hashed to 32 bytes).
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
