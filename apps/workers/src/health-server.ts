import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { Database } from "@campotech/database";
import { checkHealth, healthFailureReason } from "@campotech/core/modules/health";
import { serveMetrics } from "@campotech/core/modules/metrics";

// The worker process answers GET /health like the web app does: 200 when Postgres and Redis answer, 503 with the
// reason otherwise. Orchestrators use it for liveness; operators read the JSON. GET /metrics is the Prometheus scrape
// endpoint (bearer METRICS_TOKEN, docs/operations.md "Metrics").
// issue 20 (queues): `board` serves the operators' queue dashboard under /operador/colas (queue-board.ts).
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
export function startHealthServer(deps: { db: Database; redis: Redis; port: number; host?: string; board?: Handler }): Promise<Server> {
  const server = createServer(async (req, res) => {
    if (deps.board && (req.url === "/operador/colas" || req.url?.startsWith("/operador/colas/") || req.url?.startsWith("/operador/colas?"))) return deps.board(req, res); // issue 20 (queues)
    if (req.method === "GET" && req.url === "/metrics") {
      const { status, headers, body } = await serveMetrics(req.headers.authorization);
      res.writeHead(status, headers).end(body);
      return;
    }
    if (req.method !== "GET" || (req.url !== "/health" && req.url !== "/api/health")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND" } }));
      return;
    }
    const report = await checkHealth({ db: deps.db, redis: deps.redis, service: "workers" });
    const reason = healthFailureReason(report);
    res
      .writeHead(reason ? 503 : 200, { "content-type": "application/json", "cache-control": "no-store" })
      .end(JSON.stringify(reason ? { ...report, reason } : report));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port, deps.host ?? "0.0.0.0", () => resolve(server));
  });
}
