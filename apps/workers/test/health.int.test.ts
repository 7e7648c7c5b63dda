import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { Queue } from "bullmq";
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "@campotech/core/lib/env";
import { createRedis } from "@campotech/core/lib/redis";

const main = new URL("../src/main.ts", import.meta.url).pathname;
// Node with tsx as a loader, like `pnpm --filter @campotech/workers start`: one process that receives SIGTERM itself.
// (The tsx CLI wrapper relays signals and SIGKILLs its child when the child is slow to acknowledge — a busy worker
// would then die without finishing its jobs.)
const children: ChildProcess[] = [];

// Each test starts a fresh worker process, which loads the whole core through tsx before it listens: seconds on an
// idle 2-core box, past 30 s when CI's two shards load it (the stop-29 CI saw "fetch failed" after the old 30 s
// wait). These are deadlines for a process to come up, not timing assertions.
const START_DEADLINE_MS = 120_000;
vi.setConfig({ testTimeout: 240_000 });

function startWorkers(port: number, overrides: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", main], { env: { ...process.env, WORKERS_HEALTH_PORT: String(port), ...overrides }, stdio: "pipe" });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function health(port: number, deadlineMs = START_DEADLINE_MS): Promise<{ status: number; body: Record<string, unknown> }> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

// SIGTERM first (the worker finishes in-flight jobs), SIGKILL only if it hangs.
// The OS picks the port: fixed ports collide with other test runs on a shared machine.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
});

describe("the worker process", () => {
  it("serves /health 200 and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const { child, output } = startWorkers(port, { LOG_LEVEL: "info" });
    const { status, body } = await health(port);
    expect(status).toBe(200);
    expect(body).toMatchObject({ service: "workers", checks: { postgres: { status: "up" }, redis: { status: "up" } } });
    const durability = body.redisDurability as { problems: string[] };
    expect(body.status).toBe(durability.problems.length ? "degraded" : "ok");
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(output()).toContain("workers stopped");
  });

  it("answers 503 naming Postgres when Postgres is unreachable", async () => {
    const port = await freePort();
    startWorkers(port, { DATABASE_URL: "postgresql://campotech_app:campotech_app@127.0.0.1:1/campotech_test" });
    const { status, body } = await health(port);
    expect(status).toBe(503);
    expect(body.reason).toMatch(/^Postgres no responde: /);
    expect((body.checks as { redis: { status: string } }).redis.status).toBe("up");
  });

  it("refuses to start with a missing variable and names it", async () => {
    const { child, output } = startWorkers(await freePort(), { JWT_SECRET: "", CAMPOTECH_SKIP_DOTENV: "1" });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(output()).toMatch(/JWT_SECRET: is required but not set/);
  });
});

// issue 20 (metrics): the same port serves GET /metrics to the bearer of METRICS_TOKEN.
describe("the worker process's /metrics", () => {
  const TOKEN = "workers-metrics-token-0123456789";
  const scrape = (port: number, authorization?: string) =>
    fetch(`http://127.0.0.1:${port}/metrics`, authorization ? { headers: { authorization } } : {});

  it("counts a job that a real Worker failed, for the bearer only", async () => {
    const connection = createRedis("producer");
    const queue = new Queue("outbound", { connection, prefix: env.QUEUE_PREFIX });
    // An invalid payload fails for good on its first attempt (UnrecoverableError).
    await queue.add("messaging.deliver-message", { organizationId: 7 }, { jobId: `metrics-invalid-${Date.now()}` });
    const port = await freePort();
    startWorkers(port, { METRICS_TOKEN: TOKEN });
    await health(port);

    expect((await scrape(port)).status).toBe(401);
    const wrong = await scrape(port, "Bearer not-the-token-at-all");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: "El token de métricas no es válido." } });

    const failures = /campotech_job_failures_total\{job="messaging\.deliver-message",final="true"\} (\d+)/;
    let text = "";
    for (const until = Date.now() + 30_000; !failures.test(text) && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      const response = await scrape(port, `Bearer ${TOKEN}`);
      expect(response.status).toBe(200);
      text = await response.text();
    }
    expect(Number(failures.exec(text)?.[1])).toBe(1);
    expect(text).toMatch(/campotech_job_duration_seconds_count\{job="messaging\.deliver-message",result="failed"\} 1/);
    expect(text).toMatch(/campotech_queue_jobs\{queue="outbound",state="failed"\} [1-9]/);
    expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
    await queue.obliterate({ force: true });
    await queue.close();
    await connection.quit();
  });

  it("is absent (404) when METRICS_TOKEN is not set", async () => {
    const port = await freePort();
    startWorkers(port, { METRICS_TOKEN: "" });
    await health(port);
    expect((await scrape(port, `Bearer ${TOKEN}`)).status).toBe(404);
  });
});
