import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgresServer, type PostgresServer } from "../../src/lib/testing/postgres-server";
import { freePort, startRedisServer, type RedisServer } from "../../src/lib/testing/redis-server";
import { ROOT } from "../lib/bench-processes";

// Everything the fault suite runs, as real processes it can kill: its own Postgres cluster and its own Redis with
// AOF (appendfsync everysec, noeviction) — never the shared servers —, the web (the lean ingest process apps/ingest, or
// the Next server when asked and built), the workers, and the provider sandbox (in this process, like every bench).

export const APP_SECRET = "faults-meta-app-secret";
const REDIS_ARGS = ["--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--maxmemory-policy", "noeviction"];

export type Stack = {
  env: Record<string, string>;
  pg: PostgresServer;
  webUrl: string;
  sandboxUrl: string;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** SIGKILL (or SIGTERM) then start again on the same port with the same data. */
  restartRedis(downMs: number, signal?: NodeJS.Signals): Promise<void>;
  killWeb(): void;
  startWeb(): Promise<void>;
  killWorkers(): void;
  startWorkers(): Promise<void>;
  /** The platform's processes by name, for memory reports. */
  pids(): { name: string; pid: number }[];
  stop(): Promise<void>;
};

export async function startStack(options: { nextWeb?: boolean; workerConcurrency?: number } = {}): Promise<Stack> {
  const pg = await startPostgresServer();
  const redisDir = mkdtempSync(join(tmpdir(), "campotech-redis-"));
  let redis: RedisServer = await startRedisServer({ args: REDIS_ARGS, cwd: redisDir });
  const webPort = await freePort();
  const sandboxPort = await freePort();
  const db = "campotech_faults";
  const env: Record<string, string> = {
    DATABASE_URL: pg.urlFor(db, "campotech_app", "campotech_app"),
    DATABASE_ADMIN_URL: pg.urlFor(db),
    REDIS_URL: `${redis.url}/0`,
    QUEUE_PREFIX: "campotech-faults",
    META_GRAPH_API_URL: `http://127.0.0.1:${sandboxPort}/meta`,
    META_APP_SECRET: APP_SECRET,
    PUBLIC_BASE_URL: `http://127.0.0.1:${webPort}`,
    WEB_PORT: String(webPort),
    WEB_HOST: "127.0.0.1",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    LOG_LEVEL: "fatal",
    NODE_ENV: "development",
    INBOUND_AGGREGATION_WINDOW_MS: "0",
    WORKER_CONCURRENCY: String(options.workerConcurrency ?? 8),
    // A SIGKILLed worker's jobs are taken over after ~2× this: short, so the suite does not wait out the 30 s default.
    WORKER_LOCK_DURATION_MS: "4000",
  };
  // Before any platform module is imported: env is parsed once.
  Object.assign(process.env, env); // eslint-disable-line no-restricted-properties -- configures this harness and its children

  const { migrate } = await import("../../database/src/migrate");
  const t0 = Date.now();
  await migrate({ adminUrl: env.DATABASE_ADMIN_URL!, appUrl: env.DATABASE_URL! });
  console.log(`migrated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const { startSandbox } = await import("../../apps/sandbox/src/index");
  // Statuses on (sent, delivered): they are part of the traffic. Redelivery like Meta's, compressed in time.
  const sandbox = await startSandbox({
    port: sandboxPort,
    host: "127.0.0.1",
    config: { metaAppSecret: APP_SECRET, publicBaseUrl: env.PUBLIC_BASE_URL!, statusDelaysMs: { sent: 200, delivered: 800, read: null }, webhookRetry: { baseMs: 500, maxAttempts: 9 } },
  });
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sandbox.url}${path}`, { method, ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}) });
    return (await res.json()) as T;
  };

  const spawnChild = (args: string[], extra: Record<string, string> = {}) =>
    spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, ...extra }, stdio: ["ignore", "ignore", "inherit"] }); // eslint-disable-line no-restricted-properties -- children inherit the harness env

  let web: ChildProcess | undefined;
  let workers: ChildProcess | undefined;
  const webUrl = env.PUBLIC_BASE_URL!;
  const startWeb = async () => {
    // Without --next-web the webhooks go to the lean ingest process (apps/ingest): the production host for
    // /api/webhooks/* on larger deployments, serving the same endpoint table and domain functions as the Next routes.
    web = options.nextWeb
      ? spawnChild([`${ROOT}apps/web/server.ts`])
      : spawnChild([`${ROOT}apps/ingest/src/main.ts`], { INGEST_PORT: String(webPort), INGEST_HOST: "127.0.0.1" });
    // Any answer means it listens (an unsigned body is refused, which is fine).
    await waitFor(async () => (await fetch(`${webUrl}/api/webhooks/whatsapp`, { method: "POST", body: "{}" }).catch(() => null)) !== null, 120_000, "web");
  };
  // Ready when the health server answers (it listens once the Workers are created): start-up is not counted as
  // latency, and a restarted worker is really back before the scenario waits on it.
  const startWorkers = async () => {
    const port = await freePort();
    workers = spawnChild([`${ROOT}apps/workers/src/main.ts`], { WORKERS_HEALTH_PORT: String(port) });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null)) !== null, 120_000, "workers");
  };
  // Both at once: each compiles the platform at start, on different cores.
  await Promise.all([startWorkers(), startWeb()]);

  const kill = (child: ChildProcess | undefined) => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  return {
    env,
    pg,
    webUrl,
    sandboxUrl: sandbox.url,
    control,
    restartRedis: async (downMs, signal = "SIGKILL") => {
      await redis.stop(signal);
      await new Promise((r) => setTimeout(r, downMs));
      redis = await startRedisServer({ port: redis.port, args: REDIS_ARGS, cwd: redisDir });
    },
    killWeb: () => kill(web),
    startWeb,
    killWorkers: () => kill(workers),
    startWorkers,
    pids: () => [
      { name: "web", pid: web?.pid ?? 0 },
      { name: "workers", pid: workers?.pid ?? 0 },
      { name: "redis", pid: redis.child.pid ?? 0 },
      { name: "harness+sandbox", pid: process.pid },
    ],
    stop: async () => {
      const exited = (c: ChildProcess | undefined) => (c && c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once("exit", r)) : Promise.resolve());
      const gone = Promise.all([exited(workers), exited(web)]);
      workers?.kill("SIGTERM");
      web?.kill("SIGTERM");
      await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
      kill(workers);
      kill(web);
      await sandbox.close();
      await redis.stop("SIGTERM");
      rmSync(redisDir, { recursive: true, force: true });
      await pg.stop();
    },
  };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
