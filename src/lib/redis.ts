import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env";

// Workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null).
// Producers in the web process must fail fast instead, so a webhook can answer 503 while Redis is down
// rather than hang or answer 200 for something that was never stored.
// issue 22 (outbound): `extra` adds options for one connection (the delivery engine's auto-pipelining).
export function createRedis(role: "worker" | "producer", url: string = env.REDIS_URL, extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    role === "worker"
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2_000,
          commandTimeout: 2_000,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        };
  const redis = new Redis(url, { ...options, ...extra });
  // Connection errors surface through the commands that fail (and /api/health); don't crash the process.
  redis.on("error", () => {});
  return redis;
}

let shared: Redis | undefined;

// One fail-fast connection per process for producers (enqueue) and health checks.
export function sharedRedis(): Redis {
  shared ??= createRedis("producer");
  return shared;
}

export async function closeSharedRedis(): Promise<void> {
  await shared?.quit().catch(() => {});
  shared = undefined;
}

// Fail-fast connections refuse commands until connected; a process's first command waits for the connection
// (bounded), instead of failing just because nobody had used Redis yet.
export async function whenRedisReady(redis: Redis, timeoutMs = 2_000): Promise<void> {
  if (redis.status === "ready") return;
  if (redis.status === "wait" || redis.status === "end") redis.connect().catch(() => {});
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`Redis no disponible (${redis.status})`)), timeoutMs);
    const onReady = () => finish();
    const onError = (error: Error) => finish(error);
    function finish(error?: Error) {
      clearTimeout(timer);
      redis.off("ready", onReady);
      redis.off("error", onError);
      if (error) reject(error);
      else resolve();
    }
    redis.once("ready", onReady);
    redis.once("error", onError);
  });
}
