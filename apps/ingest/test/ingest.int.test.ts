import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { once } from "node:events";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { twilioSignature } from "../../../src/integrations/twilio/webhook";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { closeSharedRedis, createRedis } from "@campotech/core/lib/redis";
import { freePort } from "@campotech/core/lib/testing/redis-server";
import { createOrganization } from "@campotech/core/modules/organizations";
import { clearWebhookRouteCache, closeWebhookDeps, serveMetaHandshake, WEBHOOK_ENDPOINTS, type WebhookPath } from "@campotech/core/modules/webhooks";
import { connectWhatsAppAccount } from "@campotech/core/modules/whatsapp-accounts";
// The Next host's adapter itself (route files only add `WEBHOOK_ENDPOINTS[path]`): the in-process side of "two hosts".
import { handleWebhook } from "../../web/lib/webhook-route";

// The lean ingest process for real (node with tsx, like `pnpm --filter @campotech/ingest start`) on a free port, against
// the test Postgres and Redis, with its own queue prefix; the Next host's handler runs in this process on the default
// prefix. The same signed delivery through both must give the same answer and the same BullMQ job.
const INGEST_PREFIX = "campotech-test-ingest";
const ORG_SECRET = "org-360-webhook-secret-ingest";
const main = new URL("../src/main.ts", import.meta.url).pathname;
const redis = createRedis("producer");
let base = "";
let child: ChildProcess;
let orgId = "";

function startIngest(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", main], {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, INGEST_PORT: String(port), INGEST_HOST: "127.0.0.1", QUEUE_PREFIX: INGEST_PREFIX, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ingest did not start:\n${output}`)), 25_000);
    proc.stderr!.on("data", (d) => (output += d));
    proc.stdout!.on("data", (d) => {
      output += d;
      if (output.includes("CampoTech ingest on")) {
        clearTimeout(timer);
        resolve(proc);
      }
    });
    proc.once("exit", (code) => reject(new Error(`ingest exited with ${code}:\n${output}`)));
  });
}

type Delivery = { path: WebhookPath; query?: string; headers: Record<string, string>; body: string };
type Answer = { status: number; body: string; contentType: string | null };

async function viaIngest(d: Delivery): Promise<Answer> {
  const response = await fetch(`${base}${d.path}${d.query ?? ""}`, { method: "POST", headers: d.headers, body: d.body });
  return { status: response.status, body: await response.text(), contentType: response.headers.get("content-type") };
}

async function viaNext(d: Delivery): Promise<Answer> {
  const request = new Request(`http://127.0.0.1${d.path}${d.query ?? ""}`, { method: "POST", headers: d.headers, body: d.body });
  const response = await handleWebhook(request, WEBHOOK_ENDPOINTS[d.path]);
  return { status: response.status, body: await response.text(), contentType: response.headers.get("content-type") };
}

// A BullMQ job as stored: name, options and payload (receivedAt is the clock of whoever took the request).
async function storedJob(prefix: string, jobId: string) {
  const hash = await redis.hgetall(`${prefix}:webhooks:${jobId}`);
  if (!hash.name) return undefined;
  const { receivedAt, ...data } = JSON.parse(hash.data!) as Record<string, unknown>;
  expect(typeof receivedAt).toBe("string");
  return { name: hash.name, data, opts: JSON.parse(hash.opts!) as Record<string, unknown> };
}

const waiting = (prefix: string) => redis.lrange(`${prefix}:webhooks:wait`, 0, -1);
const hub = (body: string, secret = env.META_APP_SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
const metaBody = (text: string) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "200000000000001", changes: [{ field: "messages", value: { messaging_product: "whatsapp",
      metadata: { display_phone_number: "541152639999", phone_number_id: "100000000000777" },
      messages: [{ from: "5491155550123", id: `wamid.ingest-${randomUUID()}`, timestamp: "1789478400", type: "text", text: { body: text } }] } }] }],
  }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const twilioForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function meta(text: string, secret?: string): Delivery {
  const body = metaBody(text);
  return { path: "/api/webhooks/whatsapp", headers: { "content-type": "application/json", "x-hub-signature-256": hub(body, secret) }, body };
}
function dialog360(text: string, secret = ORG_SECRET): Delivery {
  return { path: "/api/webhooks/dialog360", query: `?orgId=${orgId}`, headers: { "content-type": "application/json", "x-campotech-webhook-secret": secret }, body: metaBody(text) };
}
function twilio(path: "/api/webhooks/twilio" | "/api/webhooks/twilio/status", fields: Record<string, string>, token = env.TWILIO_AUTH_TOKEN): Delivery {
  return {
    path,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(token, `${env.PUBLIC_BASE_URL}${path}`, fields) },
    body: twilioForm(fields),
  };
}
function mercadoPago(paymentId: string): Delivery {
  const requestId = randomUUID();
  const ts = Math.floor(Date.now() / 1000);
  const v1 = createHmac("sha256", env.MERCADOPAGO_WEBHOOK_SECRET).update(`id:${paymentId};request-id:${requestId};ts:${ts};`).digest("hex");
  return {
    path: "/api/webhooks/mercadopago",
    query: `?data.id=${paymentId}&type=payment`,
    headers: { "content-type": "application/json", "x-request-id": requestId, "x-signature": `ts=${ts},v1=${v1}` },
    body: JSON.stringify({ type: "payment", action: "payment.created", user_id: 123456789, data: { id: paymentId } }),
  };
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  for (const prefix of [INGEST_PREFIX, env.QUEUE_PREFIX]) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  }
  const { organization } = await createOrganization(adminDb(), { name: "Gas Norte", cuit: "30-71234567-1", tier: "PROFESIONAL", ownerPhone: "011 15 4444-5555" });
  orgId = organization.id;
  await connectWhatsAppAccount(adminDb(), {
    organizationId: orgId, provider: "DIALOG_360", phoneNumberId: "100000000000777", displayPhoneNumber: "541152639999",
    credentials: { apiKey: "d360-key-for-tests" }, webhookSecret: ORG_SECRET,
  });
  clearWebhookRouteCache();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = await startIngest(port);
});

afterAll(async () => {
  if (child?.exitCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  }
  await closeWebhookDeps();
  await redis.quit();
  await closeSharedRedis();
});

describe("the lean ingest process and the Next route: one code path, two hosts", () => {
  it.each([
    ["Meta", () => meta("Hola, se me rompió el calefón ñandú 🔥")],
    ["360dialog", () => dialog360("¿Pueden venir mañana?")],
    ["Twilio message", () => twilio("/api/webhooks/twilio", { MessageSid: `SM${randomUUID().replace(/-/g, "")}`, AccountSid: "AC0000", From: "whatsapp:+5491155550123", To: "whatsapp:+5491152630000", Body: "hola" })],
    ["Twilio status", () => twilio("/api/webhooks/twilio/status", { MessageSid: `SM${randomUUID().replace(/-/g, "")}`, AccountSid: "AC0000", MessageStatus: "delivered", From: "whatsapp:+5491152630000", To: "whatsapp:+5491155550123" })],
  ])("%s: acknowledged like the Next route, enqueued as the same job", async (_name, make) => {
    const delivery = make();
    const [lean, next] = [await viaIngest(delivery), await viaNext(delivery)];
    expect(lean).toEqual(next);
    expect(lean.status).toBe(200);

    const jobs = await waiting(INGEST_PREFIX);
    const jobId = lean.contentType === "text/xml" ? jobs.at(0)! : (JSON.parse(lean.body) as { jobId: string }).jobId;
    expect(jobs).toEqual([jobId]);
    expect(jobId).toMatch(/^wh-(META_DIRECT|DIALOG_360|TWILIO)-[a-f0-9]{64}$/);
    const [fromIngest, fromNext] = [await storedJob(INGEST_PREFIX, jobId), await storedJob(env.QUEUE_PREFIX, jobId)];
    expect(fromIngest).toBeDefined();
    expect(fromIngest).toEqual(fromNext);
    expect(fromIngest!.opts).toMatchObject({ attempts: 10, backoff: { type: "exponential", delay: 1000 } });
    await redis.del(`${INGEST_PREFIX}:webhooks:wait`);
  });

  it("MercadoPago: acknowledged like the Next route, enqueued as the same job", async () => {
    // Replays are remembered per queue prefix, so each host accepts this one signed notification once.
    const delivery = mercadoPago("98765");
    const [lean, next] = [await viaIngest(delivery), await viaNext(delivery)];
    expect(lean).toEqual(next);
    expect(lean.status).toBe(200);
    const { jobId } = JSON.parse(lean.body) as { jobId: string };
    expect(jobId).toMatch(/^mp-payment-98765-[a-f0-9]{16}$/);
    const job = async (prefix: string) => {
      const hash = await redis.hgetall(`${prefix}:payments:${jobId}`);
      const { receivedAt: _receivedAt, ...data } = JSON.parse(hash.data!) as Record<string, unknown>;
      return { name: hash.name, data, opts: JSON.parse(hash.opts!) as Record<string, unknown> };
    };
    expect(await job(INGEST_PREFIX)).toEqual(await job(env.QUEUE_PREFIX));
    // The same notification again is a replay on the lean host too.
    expect((await viaIngest(delivery)).status).toBe(401);
  });

  it.each([
    ["Meta with another app's secret", () => meta("trucho", "not-our-app-secret")],
    ["Meta without a signature", () => ({ ...meta("sin firma"), headers: { "content-type": "application/json" } })],
    ["360dialog with a wrong secret", () => dialog360("trucho", "wrong-secret")],
    ["Twilio signed with another token", () => twilio("/api/webhooks/twilio", { MessageSid: "SMforged", AccountSid: "AC0000", To: "whatsapp:+5491152630000", Body: "x" }, "not-our-token")],
  ])("%s: 401 with the Spanish reason, same answer as the Next route, nothing enqueued", async (_name, make) => {
    const delivery = make();
    const [lean, next] = [await viaIngest(delivery), await viaNext(delivery)];
    expect(lean).toEqual(next);
    expect(lean.status).toBe(401);
    expect(JSON.parse(lean.body)).toEqual({ error: { code: "INVALID_SIGNATURE", message: "Firma inválida." } });
    expect(await waiting(INGEST_PREFIX)).toEqual([]);
  });

  it("a body over WEBHOOK_MAX_BODY_BYTES is refused with 413 before it is read, in Spanish", async () => {
    const big = "x".repeat(env.WEBHOOK_MAX_BODY_BYTES + 1);
    const lean = await viaIngest({ path: "/api/webhooks/whatsapp", headers: { "x-hub-signature-256": hub(big) }, body: big });
    expect(lean.status).toBe(413);
    expect(JSON.parse(lean.body)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "El contenido es demasiado grande." } });
  });

  it("answers Meta's GET handshake like the Next route: the challenge with the verify token, 403 otherwise", async () => {
    for (const token of [env.WHATSAPP_VERIFY_TOKEN, "wrong-token"]) {
      const params = new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1158201444" });
      const response = await fetch(`${base}/api/webhooks/whatsapp?${params}`);
      const expected = serveMetaHandshake(params);
      expect({ status: response.status, body: await response.text(), type: response.headers.get("content-type") }).toEqual({
        status: expected.status, body: expected.body, type: expected.headers["content-type"],
      });
    }
    expect((await fetch(`${base}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${env.WHATSAPP_VERIFY_TOKEN}&hub.challenge=42`)).status).toBe(200);
  });

  it("serves /health with the workers' check, and nothing else outside the webhook paths", async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ service: "ingest", checks: { postgres: { status: "up" }, redis: { status: "up" } } });
    const other = await fetch(`${base}/api/whatsapp/conversations`);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: "NOT_FOUND", message: "No encontramos lo que buscás." } });
    expect((await fetch(`${base}/api/webhooks/twilio`)).status).toBe(405);
  });
});

describe("SIGTERM", () => {
  it("answers the request in flight (and stores its job), then exits 0", async () => {
    const delivery = meta("llegó justo antes del deploy");
    const exited = once(child, "exit");
    // Headers and half the body now; SIGTERM; the rest after the signal arrived.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${base}${delivery.path}`, { method: "POST", headers: { ...delivery.headers, "content-length": Buffer.byteLength(delivery.body) } }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d)).on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      const bytes = Buffer.from(delivery.body);
      req.write(bytes.subarray(0, 100));
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => req.end(bytes.subarray(100)), 500);
      }, 200);
    });
    const { status, body } = await answer;
    expect(status).toBe(200);
    const { jobId } = JSON.parse(body) as { jobId: string };
    expect(await storedJob(INGEST_PREFIX, jobId)).toMatchObject({ name: "whatsapp.process-webhook" });
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});
