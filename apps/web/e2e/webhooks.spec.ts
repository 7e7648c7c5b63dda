import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PORTS } from "../playwright.config";

// The webhook routes over real HTTP against `next start`: the exact status codes providers see, bodies signed the way
// each provider signs them (the sandbox delivers real ones), and a Redis outage on a server of its own.
const WEB = `http://127.0.0.1:${PORTS.web}`;
const SANDBOX = `http://127.0.0.1:${PORTS.sandbox}`;
const OUTAGE = `http://127.0.0.1:${PORTS.webRedisOutage}`;
// .env.example values, which the servers and the sandbox load from the repository's .env.
const META_APP_SECRET = "sandbox-meta-app-secret";
const VERIFY_TOKEN = "sandbox-verify-token";
const TWILIO_AUTH_TOKEN = "sandbox-twilio-auth-token";
const TWILIO_ACCOUNT_SID = "ACsandbox00000000000000000000000000";
const MAX_BODY = 1_048_576;
const root = fileURLToPath(new URL("../../../", import.meta.url));
const testRedis = new URL(process.env.CAMPOTECH_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1");

// Meta's wire format: non-ASCII as lowercase \uXXXX (emoji as surrogate pairs), "/" as "\/".
const metaJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\//g, "\\/");
const hub = (body: string | Buffer, secret = META_APP_SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
const envelope = (text: string) =>
  metaJson({
    object: "whatsapp_business_account",
    entry: [{ id: "200000000000001", changes: [{ field: "messages", value: { messaging_product: "whatsapp",
      metadata: { display_phone_number: "541152630000", phone_number_id: "100000000000001" },
      contacts: [{ profile: { name: "Martina Gómez" }, wa_id: "5491155550123" }],
      messages: [{ from: "5491155550123", id: `wamid.E2E${Date.now()}${Math.random().toString(36).slice(2)}`, timestamp: "1789478400", type: "text", text: { body: text } }] } }] }],
  });
const jobKey = (jobId: string) => `campotech-test:webhooks:${jobId}`;

function redisCli(url: URL, ...args: string[]): string {
  const db = url.pathname.replace("/", "") || "0";
  return execFileSync("redis-cli", ["-h", url.hostname, "-p", url.port || "6379", "-n", db, ...args], { encoding: "utf8" }).trim();
}

async function postMeta(request: APIRequestContext, base: string, body: string, signature = hub(body)) {
  return request.post(`${base}/api/webhooks/whatsapp`, { data: Buffer.from(body), headers: { "content-type": "application/json", "x-hub-signature-256": signature } });
}

async function sandbox(method: "GET" | "POST", path: string, body?: unknown): Promise<Record<string, unknown> & { [k: string]: unknown }> {
  const res = await fetch(`${SANDBOX}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

type Attempt = { url: string; status?: number; error?: string; kind: string; provider: string; headers: Record<string, string> };
async function webhookAttempts(): Promise<Attempt[]> {
  const body = (await sandbox("GET", "/_sandbox/webhooks")) as unknown;
  return (Array.isArray(body) ? body : ((body as { webhooks?: Attempt[] }).webhooks ?? [])) as Attempt[];
}

test.describe("Meta webhook route", () => {
  test("GET handshake: 200 with the raw challenge for the right token, 403 otherwise", async ({ request }) => {
    const ok = await request.get(`${WEB}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status()).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect(ok.headers()["content-type"]).toContain("text/plain");
    for (const query of [`hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`, `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`, ""]) {
      const refused = await request.get(`${WEB}/api/webhooks/whatsapp?${query}`);
      expect(refused.status()).toBe(403);
      expect(await refused.text()).not.toContain("1");
    }
  });

  test("POST signed over the escaped bytes → 200 and the job is in Redis; forged or unsigned → 401 and nothing stored", async ({ request }) => {
    const body = envelope("¿Cuánto sale destapar la cloaca? 😊 https://campotech.com.ar");
    expect(body).toContain("\\u00bf");
    expect(body).toContain("\\ud83d\\ude0a");
    const ok = await postMeta(request, WEB, body);
    expect(ok.status()).toBe(200);
    const { jobId } = (await ok.json()) as { jobId: string };
    expect(jobId).toBe(`wh-META_DIRECT-${createHash("sha256").update(body).digest("hex")}`);
    expect(redisCli(testRedis, "exists", jobKey(jobId))).toBe("1");
    // An exact redelivery is answered 200 and collapses into the same job.
    expect((await (await postMeta(request, WEB, body)).json()).jobId).toBe(jobId);

    const other = envelope("hola");
    const otherJob = `wh-META_DIRECT-${createHash("sha256").update(other).digest("hex")}`;
    const forged = await postMeta(request, WEB, other, hub(other, "not-the-app-secret"));
    expect(forged.status()).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: "INVALID_SIGNATURE", message: "Firma inválida." } });
    // Signed over the decoded text instead of the bytes on the wire: what a re-serializing receiver would compute.
    expect((await postMeta(request, WEB, other, hub(JSON.stringify(JSON.parse(other))))).status()).toBe(401);
    const unsigned = await request.post(`${WEB}/api/webhooks/whatsapp`, { data: Buffer.from(other), headers: { "content-type": "application/json" } });
    expect(unsigned.status()).toBe(401);
    expect(redisCli(testRedis, "exists", jobKey(otherJob))).toBe("0");
  });

  test("a body over 1 MB is refused with 413, by Content-Length and while streaming without one", async ({ request }) => {
    const big = Buffer.alloc(MAX_BODY + 1, 0x20);
    const declared = await request.post(`${WEB}/api/webhooks/whatsapp`, { data: big, headers: { "content-type": "application/json", "x-hub-signature-256": hub(big) } });
    expect(declared.status()).toBe(413);
    expect((await declared.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    // Chunked: no Content-Length, so only the running byte count can stop it.
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${WEB}/api/webhooks/whatsapp`, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let sent = 0; sent <= MAX_BODY; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });

  test("signed but malformed → 400 and the raw body is kept for `campotech webhooks rejected`", async ({ request }) => {
    const marker = `malformed-${Date.now()}`;
    const body = `{"object":"whatsapp_business_account","entry":"${marker}"}`;
    const res = await postMeta(request, WEB, body);
    expect(res.status()).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
    const cli = spawnSync("pnpm", ["-s", "campotech", "webhooks", "rejected", "--limit", "5", "--json"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, REDIS_URL: testRedis.toString(), QUEUE_PREFIX: "campotech-test", LOG_LEVEL: "silent" },
    });
    expect(cli.status, cli.stderr).toBe(0);
    const rejected = JSON.parse(cli.stdout) as { provider: string; rawBody: string; reason: string; headers: Record<string, string> }[];
    const mine = rejected.find((r) => r.rawBody === body);
    expect(mine).toMatchObject({ provider: "META_DIRECT", reason: "entry is not an array" });
    expect(mine!.headers).not.toHaveProperty("x-hub-signature-256");
  });
});

test.describe("webhooks delivered by the provider sandbox", () => {
  test("Meta, 360dialog and Twilio inbound messages are answered 200", async () => {
    const customer = "5491155550456";
    const cases = [
      { to: "100000000000001", provider: "META_DIRECT", path: "/api/webhooks/whatsapp", text: "Hola, ¿están atendiendo hoy? 🙏" },
      { to: "100000000000002", provider: "DIALOG_360", path: "/api/webhooks/dialog360?orgId=demo-org", text: "Se me rompió el calefón ñ" },
      { to: "whatsapp:+5491152630002", provider: "TWILIO", path: "/api/webhooks/twilio", text: "¿Tienen turno el sábado?" },
    ];
    for (const c of cases) {
      const sent = (await sandbox("POST", `/_sandbox/customers/${customer}/messages`, { to: c.to, type: "text", text: c.text })) as { delivery: { status: string } };
      expect(sent.delivery, c.provider).toMatchObject({ status: "delivered" });
    }
    const attempts = await webhookAttempts();
    for (const c of cases) {
      const mine = attempts.filter((a) => a.url === `${WEB}${c.path}`);
      expect(mine.length, c.provider).toBeGreaterThan(0);
      expect(mine.every((a) => a.status === 200), `${c.provider}: ${JSON.stringify(mine.map((a) => a.status ?? a.error))}`).toBe(true);
    }
    // 360dialog deliveries carry the demo organization's secret header and x-360dialog-signature.
    const d360 = attempts.find((a) => a.provider === "DIALOG_360");
    expect(d360?.headers).toMatchObject({ "x-campotech-webhook-secret": expect.any(String), "x-360dialog-signature": expect.any(String) });
  });

  test("Twilio status callbacks → 200 with empty TwiML; forged 360dialog and Twilio deliveries → 401", async ({ request }) => {
    const customer = "5491155550789";
    // The customer writes first (opens the window), then we send through the sandbox's Twilio API: statuses follow.
    await sandbox("POST", `/_sandbox/customers/${customer}/messages`, { to: "whatsapp:+5491152630002", type: "text", text: "hola" });
    const send = await fetch(`${SANDBOX}/twilio/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Messages.json`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${TWILIO_ACCOUNT_SID}:${TWILIO_AUTH_TOKEN}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ From: "whatsapp:+5491152630002", To: `whatsapp:+${customer}`, Body: "¡Hola! Mañana a las 15 pasa el técnico." }).toString(),
    });
    expect(send.status).toBe(201);
    await expect
      .poll(async () => (await webhookAttempts()).filter((a) => a.url === `${WEB}/api/webhooks/twilio/status` && a.status === 200).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);
    expect((await webhookAttempts()).filter((a) => a.url.startsWith(`${WEB}/api/webhooks/twilio`) && a.status !== 200)).toEqual([]);

    // Empty TwiML answer, checked directly with a body signed like Twilio signs it.
    const fields = { MessageSid: `SM${Date.now()}`, AccountSid: TWILIO_ACCOUNT_SID, From: "whatsapp:+5491152630002", To: `whatsapp:+${customer}`, MessageStatus: "read" };
    const data = Object.keys(fields).sort().reduce((s, k) => s + k + fields[k as keyof typeof fields], `${WEB}/api/webhooks/twilio/status`);
    const signature = createHmac("sha1", TWILIO_AUTH_TOKEN).update(data).digest("base64");
    const form = new URLSearchParams(fields).toString();
    const ok = await request.post(`${WEB}/api/webhooks/twilio/status`, { data: form, headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature } });
    expect(ok.status()).toBe(200);
    expect(ok.headers()["content-type"]).toContain("text/xml");
    expect(await ok.text()).toContain("<Response/>");
    const forged = await request.post(`${WEB}/api/webhooks/twilio/status`, { data: form, headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "RSOYDt4T1cUTdK1PDd93/VVr8B8=" } });
    expect(forged.status()).toBe(401);
    // Signed, but without MessageSid: 400.
    const noSid = { AccountSid: TWILIO_ACCOUNT_SID, From: "whatsapp:+5491152630002", To: `whatsapp:+${customer}`, MessageStatus: "read" };
    const noSidData = Object.keys(noSid).sort().reduce((s, k) => s + k + noSid[k as keyof typeof noSid], `${WEB}/api/webhooks/twilio/status`);
    const malformed = await request.post(`${WEB}/api/webhooks/twilio/status`, {
      data: new URLSearchParams(noSid).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": createHmac("sha1", TWILIO_AUTH_TOKEN).update(noSidData).digest("base64") },
    });
    expect(malformed.status()).toBe(400);

    const body = envelope("hola");
    const d360 = (orgId: string, secret: string) =>
      request.post(`${WEB}/api/webhooks/dialog360?orgId=${orgId}`, { data: Buffer.from(body), headers: { "content-type": "application/json", "x-campotech-webhook-secret": secret } });
    expect((await d360("demo-org", "sandbox-d360-org-webhook-secret-demo")).status()).toBe(200);
    expect((await d360("demo-org", "wrong-secret")).status()).toBe(401);
    const unknown = await d360("no-such-org", "sandbox-d360-org-webhook-secret-demo");
    expect(unknown.status()).toBe(401);
    expect(await unknown.json()).toEqual(await (await d360("demo-org", "wrong-secret")).json());
  });
});

test.describe("Redis outage", () => {
  let redis: ChildProcess | undefined;
  const outageRedis = new URL(`redis://127.0.0.1:${PORTS.outageRedis}/0`);

  async function startRedis(): Promise<void> {
    const child = spawn("redis-server", ["--port", String(PORTS.outageRedis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("Ready to accept connections") && resolve());
      child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
    redis = child;
  }
  async function stopRedis(): Promise<void> {
    const child = redis;
    redis = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }
  test.afterAll(stopRedis);

  test("503 while the server's Redis is down, then 200 and stored once it is back", async ({ request }) => {
    test.setTimeout(60_000);
    await startRedis();
    const first = envelope("antes del corte");
    await expect.poll(async () => (await postMeta(request, OUTAGE, first)).status(), { timeout: 15_000 }).toBe(200);

    await stopRedis();
    const during = envelope("durante el corte");
    const refused = await postMeta(request, OUTAGE, during);
    expect(refused.status()).toBe(503);
    expect((await refused.json()).error.code).toBe("SERVICE_UNAVAILABLE");

    await startRedis();
    // The provider retries the same bytes; once Redis is reachable again the retry is stored and answered 200.
    await expect.poll(async () => (await postMeta(request, OUTAGE, during)).status(), { timeout: 15_000 }).toBe(200);
    const jobId = `wh-META_DIRECT-${createHash("sha256").update(during).digest("hex")}`;
    expect(redisCli(outageRedis, "exists", jobKey(jobId))).toBe("1");
  });
});
