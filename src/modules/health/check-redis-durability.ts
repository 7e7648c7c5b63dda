import type { Redis } from "ioredis";
import { redisNodes } from "../../lib/redis";

export type RedisDurability = {
  // aof: every write is logged (with appendfsync everysec at most one second is at risk); rdb: periodic snapshots
  // only; none: a restart loses everything, including webhooks we already acknowledged to the provider.
  persistence: "aof" | "rdb" | "none" | "managed" | "unknown";
  appendfsync: string | null;
  maxmemoryPolicy: string | null;
  problems: string[];
};

// BullMQ keeps queues, locks and delayed jobs in plain keys: any eviction policy but noeviction may drop them
// under memory pressure, and a dropped job key is a lost message. (volatile-* only evicts keys with a TTL, which
// BullMQ's own keys mostly do not have, but its locks do — so only noeviction is safe.)
const SAFE_POLICY = "noeviction";

/**
 * Reads the server's persistence and eviction settings. CONFIG GET first; managed services that forbid it
 * (Upstash, ElastiCache) usually still answer INFO, and a deployment on a provider that persists by contract can
 * say so with REDIS_DURABILITY=managed, which skips the check.
 */
export async function checkRedisDurability(redis: Redis, mode: "check" | "managed" = "check"): Promise<RedisDurability> {
  if (mode === "managed") return { persistence: "managed", appendfsync: null, maxmemoryPolicy: null, problems: [] };
  // issue 22 (cluster): every master keeps its own share of the queues, so each one must be durable; the first node
  // with a problem is the one reported (CONFIG and INFO only describe the node they run on).
  const nodes = redisNodes(redis);
  if (nodes.length === 1) return checkNode(nodes[0]!);
  const readings = await Promise.all(nodes.map(async (node) => ({ node, durability: await checkNode(node) })));
  const worst = readings.find((r) => r.durability.problems.length) ?? readings[0]!;
  const where = `${worst.node.options.host}:${worst.node.options.port}`;
  return { ...worst.durability, problems: worst.durability.problems.map((problem) => `${where}: ${problem}`) };
}

async function checkNode(redis: Redis): Promise<RedisDurability> {
  const settings = (await readConfig(redis)) ?? (await readInfo(redis));
  if (!settings) {
    return {
      persistence: "unknown",
      appendfsync: null,
      maxmemoryPolicy: null,
      problems: ["No se pudo leer la configuración de Redis (CONFIG e INFO rechazados): confirmá que persiste en disco y usá REDIS_DURABILITY=managed"],
    };
  }
  const persistence = settings.aof ? "aof" : settings.rdb ? "rdb" : "none";
  const problems: string[] = [];
  if (persistence === "none") {
    problems.push("Redis no guarda nada en disco (appendonly no, sin save): un reinicio pierde los webhooks ya confirmados y los trabajos programados");
  } else if (persistence === "rdb") {
    problems.push("Redis solo guarda instantáneas (RDB): un reinicio pierde lo recibido desde la última; activá appendonly yes con appendfsync everysec");
  } else if (settings.appendfsync === "no") {
    problems.push("appendfsync no: el sistema operativo decide cuándo escribir el AOF (hasta ~30 s en riesgo); usá appendfsync everysec");
  }
  if (settings.maxmemoryPolicy && settings.maxmemoryPolicy !== SAFE_POLICY) {
    problems.push(`maxmemory-policy ${settings.maxmemoryPolicy} puede borrar claves de las colas cuando falte memoria; usá noeviction`);
  }
  return { persistence, appendfsync: settings.appendfsync, maxmemoryPolicy: settings.maxmemoryPolicy, problems };
}

type Settings = { aof: boolean; rdb: boolean; appendfsync: string | null; maxmemoryPolicy: string | null };

async function readConfig(redis: Redis): Promise<Settings | null> {
  try {
    const pairs = (await redis.call("CONFIG", "GET", "appendonly", "appendfsync", "save", "maxmemory-policy")) as string[];
    const config = new Map<string, string>();
    for (let i = 0; i + 1 < pairs.length; i += 2) config.set(pairs[i]!, pairs[i + 1]!);
    if (!config.has("appendonly")) return null;
    return {
      aof: config.get("appendonly") === "yes",
      rdb: (config.get("save") ?? "").trim() !== "",
      appendfsync: config.get("appendfsync") ?? null,
      maxmemoryPolicy: config.get("maxmemory-policy") ?? null,
    };
  } catch {
    return null;
  }
}

async function readInfo(redis: Redis): Promise<Settings | null> {
  try {
    const info = (await redis.info("persistence")) + "\n" + (await redis.info("memory"));
    const field = (name: string) => new RegExp(`^${name}:(.*)$`, "m").exec(info)?.[1]?.trim() ?? null;
    const aof = field("aof_enabled");
    if (aof === null) return null;
    // INFO cannot tell whether snapshots are configured (only whether one ran): without AOF it is treated as not
    // persisting, the safe reading — a provider that snapshots by contract is declared with REDIS_DURABILITY=managed.
    return { aof: aof === "1", rdb: false, appendfsync: null, maxmemoryPolicy: field("maxmemory_policy") };
  } catch {
    return null;
  }
}

/** At process start: say once, loudly, when Redis would lose acknowledged work (health keeps saying it after). */
export async function warnIfRedisNotDurable(
  redis: Redis,
  log: { warn(obj: object, msg: string): void },
  mode: "check" | "managed",
): Promise<RedisDurability | undefined> {
  try {
    const durability = await checkRedisDurability(redis, mode);
    if (durability.problems.length) log.warn({ redis: durability }, `Redis puts acknowledged work at risk: ${durability.problems.join("; ")}`);
    return durability;
  } catch {
    return undefined;
  }
}
