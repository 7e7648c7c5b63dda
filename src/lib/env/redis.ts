import { z } from "zod";

export const redisEnv = z.object({
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, "must be a redis:// URL"),
  QUEUE_PREFIX: z.string().min(1).default("campotech"),
  // check: read the server's persistence/eviction settings and report "degraded" when acknowledged work could be
  // lost (docs/deploy.md). managed: the provider persists by contract and forbids CONFIG/INFO (skip the check).
  REDIS_DURABILITY: z.enum(["check", "managed"]).default("check"),
});
