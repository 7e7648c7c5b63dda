import { createHmac } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { createRedis } from "../../lib/redis";
import { freePort, startRedisServer, type RedisServer } from "../../lib/testing/redis-server";
import { acceptMetaWebhook } from "./accept-meta-webhook";
import type { WebhookDeps } from "./webhook-deps";

// A throwaway redis-server (no persistence) that the test kills and restarts: while it is down a verified delivery
// must be refused with SERVICE_UNAVAILABLE (→ 503, the provider retries), and the retry is accepted once it is back.
let port: number;
let server: RedisServer | undefined;
let deps: WebhookDeps;

async function startRedis(): Promise<void> {
  server = await startRedisServer({ port });
}

async function stopRedis(): Promise<void> {
  await server?.stop();
  server = undefined;
}

const raw = Buffer.from('{"object":"whatsapp_business_account","entry":[{"id":"200000000000001","changes":[]}]}');
const request = () => ({
  rawBody: raw,
  headers: new Headers({ "x-hub-signature-256": `sha256=${createHmac("sha256", env.META_APP_SECRET).update(raw).digest("hex")}` }),
  path: "/api/webhooks/whatsapp",
});

async function outcome(): Promise<string> {
  try {
    await acceptMetaWebhook(request(), deps);
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  const redis = createRedis("producer", `redis://127.0.0.1:${port}/0`);
  const queue = new Queue("webhooks", { connection: redis, prefix: env.QUEUE_PREFIX });
  queue.on("error", () => {});
  deps = { redis, queue };
});

afterAll(async () => {
  await deps.queue.close().catch(() => {});
  deps.redis.disconnect();
  await stopRedis();
});

describe("webhook acceptance while Redis is down", () => {
  it("answers SERVICE_UNAVAILABLE (never accepted) while down, and stores the retry once Redis is back", async () => {
    expect(await outcome()).toBe("OK");
    expect(await deps.queue.getJobCounts("waiting")).toEqual({ waiting: 1 });

    await stopRedis();
    const started = Date.now();
    expect(await outcome()).toBe("SERVICE_UNAVAILABLE");
    // Fast: the fail-fast producer refuses at once instead of queueing the command offline.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(await outcome()).toBe("SERVICE_UNAVAILABLE");

    // The restarted server has no data (no persistence): only what is accepted from now on is there.
    await startRedis();
    let result = "";
    for (let i = 0; i < 50 && result !== "OK"; i++) {
      result = await outcome();
      if (result !== "OK") await new Promise((r) => setTimeout(r, 200));
    }
    expect(result).toBe("OK");
    expect(await outcome()).toBe("OK");
    expect(await deps.queue.getJobCounts("waiting")).toEqual({ waiting: 1 });
  });
});
