import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port";

// The processes a bench starts around the platform: a throwaway Redis, worker processes (the real entry point, run
// the way `pnpm --filter @campotech/workers start` runs it), and their orderly stop. Every child is tracked so a
// failed run can kill what it started.
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const children: ChildProcess[] = [];

export async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  children.push(child);
  return { url: `redis://127.0.0.1:${port}/0`, process: child };
}

// The bench's database, Redis and sandbox for this process and every child it spawns; set before any platform module
// is imported (env is parsed once).
export function benchEnv(input: { db: string; redisUrl: string; sandboxPort: number; extra?: Record<string, string> }): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: `postgresql://campotech_app:campotech_app@127.0.0.1:5432/${input.db}`,
    DATABASE_ADMIN_URL: `postgresql://postgres:postgres@127.0.0.1:5432/${input.db}`,
    REDIS_URL: input.redisUrl,
    QUEUE_PREFIX: "campotech-bench",
    META_GRAPH_API_URL: `http://127.0.0.1:${input.sandboxPort}/meta`,
    PUBLIC_BASE_URL: "http://127.0.0.1:9",
    LOG_LEVEL: "warn",
    NODE_ENV: "development",
    ...input.extra,
  };
  Object.assign(process.env, env); // eslint-disable-line no-restricted-properties -- configures this bench process
  return env;
}

// BENCH_WORKER_NODE_ARGS adds node flags to the worker processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see
// where their CPU goes under the bench's load (node refuses --cpu-prof in NODE_OPTIONS).
export async function spawnWorkers(overrides: Record<string, string> = {}): Promise<ChildProcess> {
  const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? []; // eslint-disable-line no-restricted-properties -- a bench option
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", `${ROOT}apps/workers/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, WORKERS_HEALTH_PORT: String(await freePort()), ...overrides }, // eslint-disable-line no-restricted-properties -- children inherit the bench env
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

// SIGTERM (workers finish their in-flight jobs), SIGKILL after 15 s.
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 15_000).unref();
  });
}
