import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env";

// Workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null).
// Producers in the web process must fail fast instead, so a webhook can answer 503 while Redis is down.
export function createRedis(role: "worker" | "producer" | "client", url: string = env.REDIS_URL): Redis {
  const options: RedisOptions =
    role === "worker"
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: role === "client",
          connectTimeout: 2_000,
          commandTimeout: 2_000,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        };
  return new Redis(url, { lazyConnect: false, ...options });
}
