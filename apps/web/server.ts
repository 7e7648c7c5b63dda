import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

// The web process: Next's request handler behind a plain Node HTTP server, for one reason — route handlers cannot
// see the TCP peer, and the peer is the only client address nobody can forge (lib/client-ip.ts). Every request gets
// the peer stamped with a token only this process knows; whatever a client sent under that header is replaced.
const dev = process.argv.includes("--dev");
// What `next start` / `next dev` do before loading anything: the mode decides NODE_ENV (.env does not override it).
// eslint-disable-next-line no-restricted-properties -- the mode is set before src/lib/env parses the environment
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

// Parsed first: a process with a bad (or, in a deployment, unsafe) environment stops here with the reasons, before
// it listens on any port.
const { env } = await import("@campotech/core/lib/env");
const { default: next } = await import("next");
const { PEER_HEADER, peerHeaderValue, setPeerHeaderToken } = await import("./lib/client-ip");
const { flushObservability } = await import("@campotech/core/lib/observability/flush-on-exit"); // issue 20 (sentry)
const dir = fileURLToPath(new URL(".", import.meta.url));
const token = randomBytes(18).toString("base64url");
setPeerHeaderToken(token);

const app = next({ dev, dir, hostname: env.WEB_HOST, port: env.WEB_PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = peerHeaderValue(token, req.socket.remoteAddress ?? "");
  void handle(req, res);
});
server.listen(env.WEB_PORT, env.WEB_HOST, () => {
  console.log(`> CampoTech web on http://${env.WEB_HOST}:${env.WEB_PORT} (${dev ? "development" : "production"})`);
});
// Said once at start (and by /api/health on every call): a Redis that would lose acknowledged webhooks.
{
  const [{ createRedis, whenRedisReady }, { warnIfRedisNotDurable }, { logger }] = await Promise.all([
    import("@campotech/core/lib/redis"),
    import("@campotech/core/modules/health"),
    import("@campotech/core/lib/logger"),
  ]);
  const redis = createRedis("producer");
  void whenRedisReady(redis, 10_000)
    .then(() => warnIfRedisNotDurable(redis, logger, env.REDIS_DURABILITY))
    .catch(() => {})
    .finally(() => void redis.quit().catch(() => {}));
}

// Stop taking connections, let the ones in flight finish, then leave (SSE streams are cut after a grace period).
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // issue 20 (sentry): queued error reports and product events go out before the process leaves.
    server.close(() => void flushObservability().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
