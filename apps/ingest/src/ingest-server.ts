import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Database } from "@campotech/database";
import { env } from "@campotech/core/lib/env";
import { AppError } from "@campotech/core/lib/errors";
import { logger } from "@campotech/core/lib/logger";
import type { createRedis } from "@campotech/core/lib/redis";
import { checkHealth, healthFailureReason } from "@campotech/core/modules/health";
import { serveMetrics } from "@campotech/core/modules/metrics";
import { findWebhookEndpoint, serveMetaHandshake, serveWebhook, type WebhookReply } from "@campotech/core/modules/webhooks";
import { nodeHeaders } from "./node-headers";
import { readNodeBody } from "./read-node-body";

const META_PATH = "/api/webhooks/whatsapp";
const json = (status: number, body: unknown, extra: Record<string, string> = {}): WebhookReply => ({
  status,
  headers: { "content-type": "application/json", ...extra },
  body: JSON.stringify(body),
});

export type IngestServer = { server: Server; inFlight: () => number; drain: () => Promise<void> };

/**
 * The lean host of the webhook endpoints: plain node:http in front of serveWebhook, the function the Next routes
 * call too (same table of endpoints, same answers, same ack samples). Also GET /health (and /api/health) with the
 * workers' check and GET /metrics (bearer METRICS_TOKEN). While draining, every answer closes its connection.
 */
export function createIngestServer(deps: { db: Database; redis: ReturnType<typeof createRedis> }): IngestServer {
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;

  async function route(req: IncomingMessage, url: URL, startedAt: number): Promise<WebhookReply> {
    const endpoint = findWebhookEndpoint(url.pathname);
    if (endpoint && req.method === "POST") {
      return serveWebhook(endpoint, { url, headers: nodeHeaders(req.headers), readBody: () => readNodeBody(req, env.WEBHOOK_MAX_BODY_BYTES), startedAt });
    }
    if (url.pathname === META_PATH && req.method === "GET") return serveMetaHandshake(url.searchParams);
    if (endpoint) return { status: 405, headers: { allow: url.pathname === META_PATH ? "GET, POST" : "POST" }, body: "" };
    if (req.method === "GET" && (url.pathname === "/health" || url.pathname === "/api/health")) {
      const report = await checkHealth({ db: deps.db, redis: deps.redis, service: "ingest" });
      const reason = healthFailureReason(report);
      return json(reason ? 503 : 200, reason ? { ...report, reason } : report, { "cache-control": "no-store" });
    }
    if (req.method === "GET" && url.pathname === "/metrics") return serveMetrics(req.headers.authorization);
    return json(404, new AppError("NOT_FOUND").toJSON());
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    inFlight += 1;
    try {
      let reply: WebhookReply;
      try {
        // Only the path and query are read; the host part is a placeholder (Twilio's signed URL is PUBLIC_BASE_URL + path).
        reply = await route(req, new URL(req.url ?? "/", "http://ingest.invalid"), startedAt);
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.message : String(error), path: req.url }, "ingest request failed");
        reply = json(500, new AppError("INTERNAL").toJSON());
      }
      // A body left unread (too large) cannot share the connection with the next request; nor can anything while draining.
      const headers: Record<string, string | number> = { ...reply.headers, "content-length": Buffer.byteLength(reply.body) };
      if (draining || !req.complete) headers.connection = "close";
      res.writeHead(reply.status, headers).end(reply.body);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) onIdle?.();
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  // Behind a load balancer the balancer should close idle connections first (AWS ALB: 60 s idle timeout).
  server.keepAliveTimeout = 65_000;

  return {
    server,
    inFlight: () => inFlight,
    /** Stop accepting, let every request already received be answered, then close what is left. */
    drain: () => {
      draining = true;
      server.close();
      server.closeIdleConnections();
      return new Promise<void>((resolve) => {
        const done = () => {
          server.closeAllConnections();
          resolve();
        };
        if (inFlight === 0) return done();
        onIdle = done;
      });
    },
  };
}
