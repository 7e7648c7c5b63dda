import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@campotech/core/lib/env";
import { freePort, startRedisServer, type RedisServer } from "@campotech/core/lib/testing/redis-server";
import { findJob } from "@campotech/core/workers";

// Managed Redis (Upstash, ElastiCache with in-transit encryption) is reached over TLS with a rediss:// URL. The same
// worker entry point must run its queues over it unchanged, verify the server's certificate (a private CA is
// trusted through NODE_EXTRA_CA_CERTS, docs/deploy.md) and still read the server's durability settings.
const main = new URL("../src/main.ts", import.meta.url).pathname;
let dir: string;
let redis: RedisServer;
let tlsPort: number;
const children: ChildProcess[] = [];

function openssl(...args: string[]) {
  execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "campotech-redis-tls-"));
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=campotech-test-ca");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
  writeFileSync(join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
  tlsPort = await freePort();
  // Plain port 0 (closed): the only way in is TLS. AOF + noeviction, as docs/deploy.md asks of a production Redis.
  redis = await startRedisServer({
    cwd: dir,
    args: ["--port", "0", "--tls-port", String(tlsPort), "--tls-cert-file", "server.pem", "--tls-key-file", "server.key",
      "--tls-ca-cert-file", "ca.pem", "--tls-auth-clients", "no", "--save", "", "--appendonly", "yes",
      "--appendfsync", "everysec", "--maxmemory-policy", "noeviction"],
  });
}, 60_000);

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function tlsUrl() {
  return `rediss://127.0.0.1:${tlsPort}/0`;
}

async function startWorkers(extra: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    env: { ...process.env, WORKERS_HEALTH_PORT: String(port), REDIS_URL: tlsUrl(), ...extra },
    stdio: "pipe",
  });
  children.push(child);
  child.stdout!.resume();
  child.stderr!.resume();
  return { port, child };
}

async function health(port: number, until: (body: Record<string, unknown>) => boolean) {
  const deadline = Date.now() + 45_000;
  let last: Record<string, unknown> = {};
  while (Date.now() < deadline) {
    try {
      last = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, unknown>;
      if (until(last)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

// SIGTERM, and SIGKILL if it hangs: a pool that never reached Redis can wait on it while closing.
async function stop(child: ChildProcess) {
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

describe("workers on a TLS Redis (rediss://)", () => {
  it("run jobs over TLS and report the server's durability when its CA is trusted", async () => {
    const { port, child } = await startWorkers({ NODE_EXTRA_CA_CERTS: join(dir, "ca.pem") });
    const body = await health(port, (b) => (b.checks as { redis?: { status: string } } | undefined)?.redis?.status === "up" && Boolean(b.redisDurability));
    expect(body).toMatchObject({ checks: { redis: { status: "up" } }, redisDurability: { persistence: "aof", appendfsync: "everysec", maxmemoryPolicy: "noeviction", problems: [] } });

    // A producer on its own TLS connection; the worker process takes the job off the encrypted queue and runs it.
    const definition = findJob("reliability.reconcile-scheduled-work")!;
    const connection = new Redis(tlsUrl(), { tls: { ca: readFileSync(join(dir, "ca.pem")) }, maxRetriesPerRequest: null });
    const queue = new Queue(definition.queue, { connection, prefix: env.QUEUE_PREFIX });
    try {
      const job = await queue.add(definition.name, {}, { jobId: `tls-probe-${Date.now()}` });
      let state = await job.getState();
      for (const deadline = Date.now() + 45_000; state !== "completed" && state !== "failed" && Date.now() < deadline; state = await job.getState()) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(state).toBe("completed");
    } finally {
      await queue.close();
      connection.disconnect();
    }
    await stop(child);
  }, 120_000);

  it("refuses a server whose certificate it cannot verify (no silent downgrade to an unverified connection)", async () => {
    const { port, child } = await startWorkers({});
    const body = await health(port, (b) => Boolean(b.checks));
    expect(body).toMatchObject({ checks: { redis: { status: "down" } } });
    expect(body.redisDurability).toBeUndefined();
    await stop(child);
  }, 120_000);
});
