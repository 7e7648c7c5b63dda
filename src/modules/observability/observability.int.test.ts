import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { createRedis } from "../../lib/redis";
import { probeHealth } from "./probe-health";
import { readUptime } from "./read-uptime";
import { readWebhookAckStats } from "./read-webhook-ack-stats";
import { flushWebhookAcks, recordWebhookAck, webhookAckResultForStatus } from "./record-webhook-ack";
import { quantileFromBuckets } from "./webhook-ack-buckets";

const at = (iso: string) => new Date(iso);
let web: Server;
let webStatus = 200;
let webUrl = "";
const redis = createRedis("producer");

beforeAll(async () => {
  web = createServer((_req, res) => res.writeHead(webStatus).end("{}"));
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/api/health`;
});
afterAll(async () => {
  web.close();
  await redis.quit();
});
beforeEach(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("persisted webhook ack latency", () => {
  it("adds up what several flushes (several web processes) wrote for the same minute, and reads hand-countable stats", async () => {
    // 20 acks in one minute: 18 fast (3 ms), one at 40 ms, one at 6 s; two flushes as two processes would do.
    for (let i = 0; i < 10; i++) recordWebhookAck({ provider: "meta", result: "accepted", durationMs: 3, at: at("2026-11-10T12:00:05Z") });
    expect(await flushWebhookAcks(db)).toBe(1);
    for (let i = 0; i < 8; i++) recordWebhookAck({ provider: "meta", result: "accepted", durationMs: 3, at: at("2026-11-10T12:00:40Z") });
    recordWebhookAck({ provider: "meta", result: "accepted", durationMs: 40, at: at("2026-11-10T12:00:41Z") });
    recordWebhookAck({ provider: "meta", result: "accepted", durationMs: 6_000, at: at("2026-11-10T12:00:42Z") });
    // A rejected one and one from another provider and minute, to filter on.
    recordWebhookAck({ provider: "meta", result: "rejected_signature", durationMs: 1, at: at("2026-11-10T12:00:43Z") });
    recordWebhookAck({ provider: "twilio", result: "accepted", durationMs: 9, at: at("2026-11-10T12:05:00Z") });
    expect(await flushWebhookAcks(db)).toBe(3);
    expect(await flushWebhookAcks(db)).toBe(0);

    const meta = await readWebhookAckStats(db, { from: at("2026-11-10T12:00:00Z"), to: at("2026-11-10T13:00:00Z"), provider: "meta", result: "accepted" });
    expect(meta.count).toBe(20);
    expect(meta.avgMs).toBeCloseTo((18 * 3 + 40 + 6_000) / 20, 6);
    // Nearest rank: the 19th of 20 is the 40 ms ack, in the (30, 40] bucket; the 20th is the 6 s one.
    expect(meta.p95Ms).toBe(40);
    expect(meta.p99Ms).toBe(6_000);
    expect(meta.maxMs).toBe(6_000);

    const all = await readWebhookAckStats(db, { from: at("2026-11-10T00:00:00Z"), to: at("2026-11-11T00:00:00Z") });
    expect(all.count).toBe(22);
    expect(all.byResult).toEqual({ accepted: 21, rejected_signature: 1 });
    const empty = await readWebhookAckStats(db, { from: at("2026-11-09T00:00:00Z"), to: at("2026-11-10T00:00:00Z") });
    expect(empty).toMatchObject({ count: 0, avgMs: null, p95Ms: null });
  });

  it("maps the answer's status to a result and computes quantiles on the bucket bounds", () => {
    expect([200, 401, 400, 413, 503, 500].map(webhookAckResultForStatus)).toEqual([
      "accepted", "rejected_signature", "rejected_body", "rejected_body", "unavailable", "error",
    ]);
    expect(quantileFromBuckets([0, 0, 5], 0.5, 3)).toBe(3);
    expect(quantileFromBuckets([], 0.95, 0)).toBeNull();
  });
});

describe("health probes and uptime", () => {
  it("records one row per service per minute and counts missing minutes as down", async () => {
    await probeHealth({ db, redis, webHealthUrl: webUrl, now: at("2026-11-10T12:00:10Z") });
    // Same minute again (a second worker process): still one row per service.
    await probeHealth({ db, redis, webHealthUrl: webUrl, now: at("2026-11-10T12:00:50Z") });
    webStatus = 503;
    const down = await probeHealth({ db, redis, webHealthUrl: webUrl, now: at("2026-11-10T12:01:10Z") });
    expect(down.find((r) => r.service === "web")).toMatchObject({ ok: false, reason: "HTTP 503" });
    webStatus = 200;
    // 12:02 is never probed (the workers were down); 12:03 is up again.
    await probeHealth({ db, redis, webHealthUrl: webUrl, now: at("2026-11-10T12:03:10Z") });

    expect(await db.healthProbe.count({ where: { service: "web" } })).toBe(3);
    const web = await readUptime(db, { from: at("2026-11-10T00:00:00Z"), to: at("2026-11-10T12:04:00Z") });
    // Counted from the first probe: 12:00 up, 12:01 down, 12:02 missing, 12:03 up.
    expect(web).toMatchObject({ minutes: 4, upMinutes: 2, ratio: 0.5 });
    const redisUptime = await readUptime(db, { from: at("2026-11-10T12:00:00Z"), to: at("2026-11-10T12:04:00Z"), service: "redis" });
    expect(redisUptime).toMatchObject({ minutes: 4, upMinutes: 3, ratio: 0.75 });
    expect(await readUptime(db, { from: at("2026-11-10T00:00:00Z"), to: at("2026-11-11T00:00:00Z"), service: "nothing" })).toMatchObject({ minutes: 0, ratio: null });
  });

  it("reports an unreachable web app with the connection's reason", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [web] = await probeHealth({ db, redis, webHealthUrl: `http://127.0.0.1:${port}/api/health`, now: at("2026-11-10T12:00:00Z"), timeoutMs: 2_000 });
    expect(web).toMatchObject({ service: "web", ok: false });
    expect(web!.reason).toMatch(/ECONNREFUSED|connect/i);
  });
});
