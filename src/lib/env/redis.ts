import { z } from "zod";

export const redisEnv = z.object({
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, "must be a redis:// URL"),
  QUEUE_PREFIX: z.string().min(1).default("campotech"),
});
