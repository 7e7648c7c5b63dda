import type { Redis } from "ioredis";
import type { Database } from "@campotech/database";
import { env } from "../../lib/env";
import { whenRedisReady } from "../../lib/redis";
import { APP_VERSION } from "../../lib/version";
import { checkRedisDurability, type RedisDurability } from "./check-redis-durability";

export type DependencyState = { status: "up" | "down"; latencyMs: number; error?: string };
export type HealthReport = {
  // degraded: serving, but a setting puts acknowledged work at risk (the reasons are in `degraded`).
  status: "ok" | "degraded" | "error";
  service: string;
  version: string;
  checkedAt: string;
  checks: { postgres: DependencyState; redis: DependencyState };
  redisDurability?: RedisDurability;
  degraded?: string[];
};

async function probe(run: () => Promise<unknown>, timeoutMs: number): Promise<DependencyState> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: "down", latencyMs: Math.round(performance.now() - started), error: conciseError(error) };
  } finally {
    clearTimeout(timer);
  }
}

// Driver messages ("Can't reach database server at 127.0.0.1:5432") are what an operator needs; they hold no
// secrets. Prisma wraps them in a multi-line invocation banner, so keep only the driver's sentence.
function conciseError(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  const quoted = /Message: `([^`]+)`/.exec(message)?.[1];
  if (quoted) return quoted;
  const lines = message.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.at(-1) ?? "error desconocido";
}

export async function checkHealth(
  deps: { db: Database; redis: Redis; service: string },
  timeoutMs = 2_500,
): Promise<HealthReport> {
  const [postgres, redis] = await Promise.all([
    probe(() => deps.db.$queryRaw`SELECT 1`, timeoutMs),
    probe(async () => {
      await whenRedisReady(deps.redis, timeoutMs);
      return deps.redis.ping();
    }, timeoutMs),
  ]);
  const durability = redis.status === "up" ? await checkRedisDurability(deps.redis, env.REDIS_DURABILITY) : undefined;
  const up = postgres.status === "up" && redis.status === "up";
  const degraded = durability?.problems ?? [];
  return {
    status: !up ? "error" : degraded.length ? "degraded" : "ok",
    service: deps.service,
    version: APP_VERSION,
    checkedAt: new Date().toISOString(),
    checks: { postgres, redis },
    ...(durability ? { redisDurability: durability } : {}),
    ...(degraded.length ? { degraded } : {}),
  };
}

// The reason shown with a 503: which dependency is down and why.
export function healthFailureReason(report: HealthReport): string | undefined {
  const down = Object.entries(report.checks).filter(([, state]) => state.status === "down");
  if (down.length === 0) return undefined;
  return down.map(([name, state]) => `${name === "postgres" ? "Postgres" : "Redis"} no responde: ${state.error}`).join("; ");
}
