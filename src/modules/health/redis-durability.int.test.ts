import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { createRedis, whenRedisReady } from "../../lib/redis";
import { startRedisServer, type RedisServer } from "../../lib/testing/redis-server";
import { checkHealth } from "./check-health";
import { checkRedisDurability } from "./check-redis-durability";

// Each case is a real redis-server started with the settings under test, in its own directory (AOF files).
const servers: RedisServer[] = [];
const dirs: string[] = [];
async function durabilityOf(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "ct-redis-"));
  dirs.push(dir);
  const server = await startRedisServer({ args: ["--dir", dir, ...args] });
  servers.push(server);
  const redis = createRedis("producer", server.url);
  await whenRedisReady(redis);
  try {
    return { durability: await checkRedisDurability(redis), health: await checkHealth({ db, redis, service: "test" }) };
  } finally {
    await redis.quit();
  }
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("Redis durability as the health check reads it", () => {
  it("AOF every second with noeviction is ok", async () => {
    const { durability, health } = await durabilityOf(["--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction"]);
    expect(durability).toEqual({ persistence: "aof", appendfsync: "everysec", maxmemoryPolicy: "noeviction", problems: [] });
    expect(health.status).toBe("ok");
    expect(health.degraded).toBeUndefined();
  });

  it("no persistence at all is degraded, with the reason (the measured loss of acknowledged webhooks)", async () => {
    const { durability, health } = await durabilityOf(["--save", "", "--appendonly", "no"]);
    expect(durability.persistence).toBe("none");
    expect(health.status).toBe("degraded");
    expect(health.degraded).toEqual([expect.stringContaining("un reinicio pierde los webhooks ya confirmados")]);
  });

  it("snapshots only, a lazy fsync and an evicting policy are each named", async () => {
    expect((await durabilityOf(["--save", "900 1", "--appendonly", "no"])).durability).toMatchObject({
      persistence: "rdb",
      problems: [expect.stringContaining("solo guarda instantáneas")],
    });
    expect((await durabilityOf(["--appendonly", "yes", "--appendfsync", "no"])).durability.problems).toEqual([expect.stringContaining("appendfsync no")]);
    const lru = await durabilityOf(["--appendonly", "yes", "--maxmemory-policy", "allkeys-lru"]);
    expect(lru.durability.problems).toEqual([expect.stringContaining("maxmemory-policy allkeys-lru")]);
    expect(lru.health.status).toBe("degraded");
  });

  it("a managed Redis that forbids CONFIG is read through INFO; REDIS_DURABILITY=managed skips the check", async () => {
    const { durability } = await durabilityOf(["--appendonly", "yes", "--maxmemory-policy", "noeviction", "--rename-command", "CONFIG", ""]);
    expect(durability).toEqual({ persistence: "aof", appendfsync: null, maxmemoryPolicy: "noeviction", problems: [] });
    const redis = createRedis("producer", servers.at(-1)!.url);
    await whenRedisReady(redis);
    expect(await checkRedisDurability(redis, "managed")).toMatchObject({ persistence: "managed", problems: [] });
    await redis.quit();
  });
});
