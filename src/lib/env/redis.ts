import { z } from "zod";

// issue 22 (cluster): a comma list of redis:// or rediss:// URLs (or host:port) of some cluster nodes; the rest of the
// cluster is discovered from them. Credentials and TLS come from the first URL. Empty = one Redis at REDIS_URL.
const clusterNodes = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((node) => node.trim()).filter(Boolean))
  .refine((nodes) => nodes.every((node) => /^(rediss?:\/\/)?[^\s,/]+:\d+\/?$/.test(node)), {
    message: "must be a comma list of redis://host:port (or host:port)",
  });

export const redisEnv = z.object({
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, "must be a redis:// URL"),
  QUEUE_PREFIX: z.string().min(1).default("campotech"),
  // check: read the server's persistence/eviction settings and report "degraded" when acknowledged work could be
  // lost (docs/deploy.md). managed: the provider persists by contract and forbids CONFIG/INFO (skip the check).
  REDIS_DURABILITY: z.enum(["check", "managed"]).default("check"),
  REDIS_CLUSTER_NODES: clusterNodes, // issue 22 (cluster)
  // issue 22 (cluster): auto = hash-tag queue prefixes only in cluster mode, so a single Redis keeps today's keys;
  // on = hash-tag on a single Redis too (to move its data into a cluster later without renaming keys).
  REDIS_HASH_TAGS: z.enum(["auto", "on"]).default("auto"),
});
