import type { Redis } from "ioredis";
import { createRedis } from "../../lib/redis";

// Locks and breaker outcomes need a connection that waits for Redis (a worker's), not the web's fail-fast one.
let redis: Redis | undefined;

export function defaultInvoicingDeps(): { redis: Redis; now: () => number } {
  redis ??= createRedis("worker");
  return { redis, now: () => Date.now() };
}
