import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { env } from "@campotech/core/lib/env";
import { METRIC_FAMILIES } from "@campotech/core/lib/metrics/catalog";
import { sampleOf } from "@campotech/core/lib/metrics/metrics-test-kit";
import { webhookAckSeconds } from "@campotech/core/lib/metrics/webhook-metrics";
import { closeSharedRedis, sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { WEBHOOK_ENDPOINTS } from "@campotech/core/modules/webhooks";
import { closeQueues, getQueue } from "@campotech/core/workers";
import { GET as metricsRoute } from "../app/api/metrics/route";
import { handleWebhook } from "./webhook-route";

// The web side of the Prometheus metrics: a webhook's ack moves the latency histogram (through recordWebhookAck, the
// one place it is timed), and GET /api/metrics serves the exposition only to the bearer of METRICS_TOKEN.
const TOKEN = "metrics-token-for-tests-0123456789";
const setToken = (value: string | undefined) => ((env as { METRICS_TOKEN?: string }).METRICS_TOKEN = value);
const scrape = (authorization?: string) =>
  metricsRoute(new Request("http://127.0.0.1/api/metrics", authorization ? { headers: { authorization } } : {}));

const metaBody = (text: string) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "200000000000001", changes: [{ field: "messages", value: { messaging_product: "whatsapp",
      metadata: { display_phone_number: "541152630000", phone_number_id: "100000000000001" },
      messages: [{ from: "5491155550123", id: `wamid.metrics-${text}`, timestamp: "1789478400", type: "text", text: { body: text } }] } }] }],
  });
const metaWebhook = (body: string, secret = env.META_APP_SECRET) =>
  handleWebhook(
    new Request("http://127.0.0.1/api/webhooks/whatsapp", {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` },
      body,
    }),
    WEBHOOK_ENDPOINTS["/api/webhooks/whatsapp"], // issue 22 (ingest): the endpoint both hosts share
  );

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await whenRedisReady(sharedRedis());
  await sharedRedis().flushdb();
});
afterEach(() => setToken(undefined));
afterAll(async () => {
  await getQueue("webhooks").obliterate({ force: true });
  await closeQueues();
  await closeSharedRedis();
});

describe("webhook ack latency", () => {
  it("counts an accepted Meta webhook and a forged one under different results", async () => {
    const meta = { provider: "meta" };
    const accepted = await sampleOf(webhookAckSeconds, { ...meta, result: "accepted" }, "_count");
    const rejected = await sampleOf(webhookAckSeconds, { ...meta, result: "rejected_signature" }, "_count");

    expect((await metaWebhook(metaBody("hola"))).status).toBe(200);
    expect(await sampleOf(webhookAckSeconds, { ...meta, result: "accepted" }, "_count")).toBe(accepted + 1);
    expect(await sampleOf(webhookAckSeconds, { ...meta, result: "rejected_signature" }, "_count")).toBe(rejected);

    expect((await metaWebhook(metaBody("trucho"), "forged-secret")).status).toBe(401);
    expect(await sampleOf(webhookAckSeconds, { ...meta, result: "rejected_signature" }, "_count")).toBe(rejected + 1);
    expect(await sampleOf(webhookAckSeconds, { ...meta, result: "accepted" }, "_count")).toBe(accepted + 1);
  });
});

describe("GET /api/metrics", () => {
  it("is absent (404) while METRICS_TOKEN is not configured, even with a bearer", async () => {
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND", message: expect.stringContaining("METRICS_TOKEN") } });
  });

  it("answers 401 in Spanish without a bearer or with a wrong one", async () => {
    setToken(TOKEN);
    for (const authorization of [undefined, "Basic Zm9vOmJhcg==", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringMatching(/token de métricas/) } });
    }
  });

  it("serves the text exposition with every family to the bearer of the token", async () => {
    setToken(TOKEN);
    await getQueue("webhooks").add("whatsapp.process-webhook", { queued: "for the scrape" }, { jobId: "metrics-scrape-job" });
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const family of METRIC_FAMILIES) expect(text).toContain(`# TYPE ${(family as unknown as { name: string }).name} `);
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(text).toMatch(/campotech_queue_jobs\{queue="webhooks",state="waiting"\} [1-9]/);
    expect(text).toMatch(/campotech_webhook_ack_duration_seconds_count\{provider="meta",result="accepted"\} [1-9]/);
    // Bounded labels: every series uses only these label names (no organization, phone or message ids), and no value
    // of this test's webhook (its phone, its message id) shows up.
    const labelNames = new Set([...text.matchAll(/[{,]([a-zA-Z_]+)="/g)].map((m) => m[1]));
    const allowed = ["provider", "result", "queue", "state", "job", "final", "channel", "code", "limit", "status", "reason", "engine", "service", "operation", "le", "version", "major", "minor", "patch", "type", "kind", "space"];
    expect([...labelNames].filter((name) => !allowed.includes(name!))).toEqual([]);
    expect(text).not.toMatch(/wamid|5491155550123/);
  });
});
