import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { startRedisServer, type RedisServer } from "./redis-server";

const run = promisify(execFile);

export type RedisClusterServers = {
  nodes: string[];
  servers: RedisServer[];
  stop(): Promise<void>;
};

// Test-only (issue 22, cluster): a real local Redis Cluster of `masters` redis-server processes (no replicas, no
// persistence) on free ports, each in its own temporary directory for its nodes.conf. Resolves once every node
// reports cluster_state:ok, i.e. all 16384 slots are served.
export async function startRedisCluster(options: { masters?: number } = {}): Promise<RedisClusterServers> {
  const dir = mkdtempSync(join(tmpdir(), "campotech-redis-cluster-"));
  const servers: RedisServer[] = [];
  // A test runner that gives up on a file (a hook timeout) must not leave the cluster's processes behind.
  const killOnExit = () => servers.forEach((server) => server.child.kill("SIGKILL"));
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < (options.masters ?? 3); i++) {
      servers.push(
        await startRedisServer({
          args: ["--cluster-enabled", "yes", "--cluster-config-file", join(dir, `nodes-${i}.conf`), "--cluster-node-timeout", "2000", "--save", "", "--appendonly", "no"],
          cwd: dir,
        }),
      );
    }
    const nodes = servers.map((server) => `127.0.0.1:${server.port}`);
    await run("redis-cli", ["--cluster", "create", ...nodes, "--cluster-replicas", "0", "--cluster-yes"], { timeout: 20_000 });
    for (const server of servers) await waitForClusterOk(server.port);
    return { nodes, servers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForClusterOk(port: number): Promise<void> {
  const redis = new Redis({ host: "127.0.0.1", port, lazyConnect: true });
  try {
    await redis.connect();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const info = await redis.cluster("INFO");
      if (info.includes("cluster_state:ok")) return;
      if (Date.now() > deadline) throw new Error(`Redis Cluster node ${port} not ok: ${info}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    redis.disconnect();
  }
}
