import { Cluster, Redis, type RedisOptions } from "ioredis";
import { env } from "./env";

// Workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null).
// Producers in the web process must fail fast instead, so a webhook can answer 503 while Redis is down
// rather than hang or answer 200 for something that was never stored.
function roleOptions(role: "worker" | "producer"): RedisOptions {
  return role === "worker"
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectTimeout: 2_000,
        commandTimeout: 2_000,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      };
}

// issue 22 (outbound): `extra` adds options for one connection (the delivery engine's auto-pipelining).
// issue 22 (cluster): with REDIS_CLUSTER_NODES set (and no explicit url) this is a Redis Cluster client.
export function createRedis(role: "worker" | "producer", url?: string, extra: RedisOptions = {}): Redis {
  if (url === undefined && env.REDIS_CLUSTER_NODES.length) return createRedisCluster(role, env.REDIS_CLUSTER_NODES, extra);
  const redis = new Redis(url ?? env.REDIS_URL, { ...roleOptions(role), ...extra });
  // Connection errors surface through the commands that fail (and /api/health); don't crash the process.
  redis.on("error", () => {});
  return redis;
}

// issue 22 (cluster): an ioredis Cluster speaks the same commands as a single Redis (both are ioredis Commanders,
// with the same status/quit/duplicate), so it is handed out under the Redis type and the hundred-odd call sites stay
// as they are. What differs is per node (SCAN, CONFIG, INFO): those go through redisNodes(). Every multi-key command,
// MULTI or script must keep its keys in one hash slot (see the *-keys.ts builders and redis-cluster-keys.test.ts).
export function createRedisCluster(role: "worker" | "producer", nodes: readonly string[], extra: RedisOptions = {}): Redis {
  const urls = nodes.map((node) => new URL(/^rediss?:\/\//.test(node) ? node : `redis://${node}`));
  const first = urls[0]!;
  // Per node, ioredis keeps its own offline queue and lets the cluster (not each node) reconnect: the fail-fast and
  // retry choices of a producer are cluster options below.
  const { enableOfflineQueue: _queue, retryStrategy: _retry, ...nodeOptions } = roleOptions(role);
  const { enableAutoPipelining, ...extraNodeOptions } = extra;
  const cluster = new Cluster(
    urls.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })),
    {
      redisOptions: {
        ...nodeOptions,
        ...extraNodeOptions,
        ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
        ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
        ...(first.protocol === "rediss:" ? { tls: {} } : {}),
      },
      // Producers fail fast while the cluster is unreachable (same reason as above); workers wait for it.
      enableOfflineQueue: role === "worker",
      // Auto-pipelining is a cluster option here: ioredis groups the queued commands per node.
      ...(enableAutoPipelining ? { enableAutoPipelining } : {}),
      clusterRetryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      slotsRefreshTimeout: 2_000,
      // Managed clusters behind TLS announce node names that must not be resolved again (ElastiCache, MemoryDB).
      ...(first.protocol === "rediss:" ? { dnsLookup: (address: string, callback: (err: null, address: string) => void) => callback(null, address) } : {}),
    },
  );
  cluster.on("error", () => {});
  return cluster as unknown as Redis;
}

// issue 22 (cluster): queue prefixes carry a hash tag in cluster mode (BullMQ's scripts touch many keys of one queue),
// or on a single Redis when REDIS_HASH_TAGS=on. Off by default on a single Redis: its keys stay what they were.
export function redisHashTags(): boolean {
  return env.REDIS_HASH_TAGS === "on" || env.REDIS_CLUSTER_NODES.length > 0;
}

export function isRedisCluster(redis: Redis): boolean {
  return (redis as Redis | Cluster).isCluster === true;
}

// The servers behind a connection: itself for a single Redis, every master for a cluster (SCAN, CONFIG and INFO
// only see the node they run on).
export function redisNodes(redis: Redis): Redis[] {
  return isRedisCluster(redis) ? (redis as unknown as Cluster).nodes("master") : [redis];
}

// SCAN over every node: on a cluster a plain SCAN walks one random node's keys only.
export async function* scanKeys(redis: Redis, pattern: string, count = 100): AsyncGenerator<string> {
  for (const node of redisNodes(redis)) {
    let cursor = "0";
    do {
      const [next, keys] = await node.scan(cursor, "MATCH", pattern, "COUNT", count);
      cursor = next;
      yield* keys;
    } while (cursor !== "0");
  }
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
