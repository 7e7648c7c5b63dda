import type { Redis } from "ioredis";
import { createRedis } from "../../lib/redis";

// Locks (token refresh) need a connection that waits for Redis: a worker's, not the web's fail-fast one.
let redis: Redis | undefined;

export function defaultPaymentsRedis(): Redis {
  redis ??= createRedis("worker");
  return redis;
}
