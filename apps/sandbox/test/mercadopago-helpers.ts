import { createHash, createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSandbox, type MercadoPagoConfig } from "../src/index.ts";
import { type Json, sleep } from "./helpers.ts";

// MercadoPago test kit: a sandbox with fast notification retries, a receiver standing in for our webhook route (it can
// fail or hang on demand), and shortcuts for the OAuth dance and Checkout Pro (the real client does not exist yet).

export const MP_APP = { clientId: "sandbox-mp-client-id", clientSecret: "sandbox-mp-client-secret", webhookSecret: "sandbox-mp-webhook-secret" } as const;
export const SELLERS = { demo: 123456789, gas: 223456789, electricity: 323456789 } as const;
export const CALLBACK = "http://127.0.0.1:3000/api/mercadopago/oauth/callback";

export type Hit = { method: string; url: string; path: string; query: URLSearchParams; headers: IncomingMessage["headers"]; raw: string; at: number };

/** Our webhook route's stand-in: records every POST; `failNext`/`hangNext` make the next ones answer 500 or never. */
export async function startNotificationReceiver() {
  const hits: Hit[] = [];
  let failures = 0;
  let failStatus = 500;
  let hangs = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://receiver.local");
      hits.push({ method: req.method ?? "", url: req.url ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, raw: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      if (hangs > 0) {
        hangs -= 1;
        return;
      }
      if (failures > 0) {
        failures -= 1;
        res.writeHead(failStatus).end("nope");
        return;
      }
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    failNext(n: number, status = 500) {
      failures = n;
      failStatus = status;
    },
    hangNext(n: number) {
      hangs = n;
    },
    clear() {
      hits.length = 0;
      failures = 0;
      hangs = 0;
    },
    async waitFor(predicate: (h: Hit) => boolean, count = 1, timeoutMs = 5000): Promise<Hit[]> {
      const start = Date.now();
      while (Date.now() - start < timeoutMs) {
        const found = hits.filter(predicate);
        if (found.length >= count) return found;
        await sleep(10);
      }
      throw new Error(`receiver: expected ${count} matching notification(s), got ${hits.filter(predicate).length} of ${hits.length}`);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type NotificationReceiver = Awaited<ReturnType<typeof startNotificationReceiver>>;

type CallInit = { json?: unknown; form?: Record<string, string>; headers?: Record<string, string>; token?: string; body?: string };

export async function startMercadoPagoSandbox(config: Partial<MercadoPagoConfig> = {}) {
  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", config: { mercadopago: { retry: { baseMs: 30, maxAttempts: 4 }, webhookTimeoutMs: 2000, ...config } } });
  const call = async (method: string, path: string, init: CallInit = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    let body: string | undefined = init.body;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(`${sandbox.url}${path}`, { method, headers, redirect: "manual", ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  return { ...sandbox, call };
}

export type MpSandbox = Awaited<ReturnType<typeof startMercadoPagoSandbox>>;

/** One sandbox and receiver per file, reset before every test. */
export function useMercadoPagoSandbox(bind: (sb: MpSandbox, receiver: NotificationReceiver) => void, config: Partial<MercadoPagoConfig> = {}): void {
  let sb: MpSandbox;
  let receiver: NotificationReceiver;
  beforeAll(async () => {
    receiver = await startNotificationReceiver();
    sb = await startMercadoPagoSandbox(config);
    bind(sb, receiver);
  });
  afterAll(async () => {
    await sb.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await sb.call("POST", "/_sandbox/reset");
    receiver.clear();
  });
}

/** The OAuth code exchange (POST /oauth/token, JSON). */
export function exchangeCode(sb: MpSandbox, code: string, extra: Record<string, string> = {}) {
  return sb.call("POST", "/mercadopago/oauth/token", {
    json: { client_id: MP_APP.clientId, client_secret: MP_APP.clientSecret, grant_type: "authorization_code", code, redirect_uri: CALLBACK, ...extra },
  });
}

export function refresh(sb: MpSandbox, refreshToken: string) {
  return sb.call("POST", "/mercadopago/oauth/token", {
    json: { client_id: MP_APP.clientId, client_secret: MP_APP.clientSecret, grant_type: "refresh_token", refresh_token: refreshToken },
  });
}

export async function authorizationCode(sb: MpSandbox, sellerId: number, extra: Record<string, string> = {}): Promise<string> {
  const res = await sb.call("POST", "/_sandbox/mercadopago/authorize", { json: { seller_id: sellerId, redirect_uri: CALLBACK, state: "st-1", ...extra } });
  if (res.status !== 201) throw new Error(`authorize: ${res.status} ${res.text}`);
  return res.json.code;
}

/** A linked seller's credentials, the way our callback would get them. */
export async function linkSeller(sb: MpSandbox, sellerId: number = SELLERS.demo): Promise<{ access_token: string; refresh_token: string; user_id: number }> {
  const res = await exchangeCode(sb, await authorizationCode(sb, sellerId));
  if (res.status !== 200) throw new Error(`token: ${res.status} ${res.text}`);
  return res.json;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** §5.1's example, in pesos: 2 × $12.990 + $20.000 = $45.980. */
export function preferenceBody(receiver: NotificationReceiver | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    items: [
      { id: "WO-2026-00123", title: "Cambio de canilla monocomando", quantity: 2, currency_id: "ARS", unit_price: 12990 },
      { id: "WO-2026-00123-V", title: "Visita técnica", quantity: 1, currency_id: "ARS", unit_price: 20000 },
    ],
    payer: { name: "Juan", surname: "Pérez", email: "juan@example.com" },
    back_urls: { success: "http://127.0.0.1:3000/pago/ok", pending: "http://127.0.0.1:3000/pago/pendiente", failure: "http://127.0.0.1:3000/pago/error" },
    auto_return: "approved",
    external_reference: "org_42:invoice_1542",
    statement_descriptor: "DELSUR",
    ...(receiver ? { notification_url: `${receiver.url}/api/webhooks/mercadopago?source_news=webhooks` } : {}),
    ...extra,
  };
}

export async function createPreference(sb: MpSandbox, token: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Json> {
  const res = await sb.call("POST", "/mercadopago/checkout/preferences", { token, json: body, headers });
  if (res.status !== 201) throw new Error(`preference: ${res.status} ${res.text}`);
  return res.json;
}

export async function pay(sb: MpSandbox, preferenceId: string, card: string, amount?: number): Promise<Json> {
  const res = await sb.call("POST", `/_sandbox/mercadopago/checkout/${preferenceId}/pay`, { json: { card, ...(amount !== undefined ? { amount } : {}) } });
  if (res.status !== 201) throw new Error(`pay: ${res.status} ${res.text}`);
  return res.json;
}

/** Verifies x-signature exactly as ARGENTINA.md §5.3 prescribes, independently of the sandbox's signer. */
export function verifySignature(hit: Hit, secret: string = MP_APP.webhookSecret): boolean {
  const header = String(hit.headers["x-signature"] ?? "");
  const parts = Object.fromEntries(header.split(",").map((p) => [p.slice(0, p.indexOf("=")).trim(), p.slice(p.indexOf("=") + 1).trim()]));
  const dataId = hit.query.get("data.id");
  const requestId = hit.headers["x-request-id"];
  let manifest = "";
  if (dataId) manifest += `id:${dataId};`;
  if (requestId) manifest += `request-id:${String(requestId)};`;
  manifest += `ts:${parts.ts};`;
  return createHmac("sha256", secret).update(manifest).digest("hex") === parts.v1;
}

export function bodyOf(hit: Hit): Json {
  return JSON.parse(hit.raw);
}

export { sleep };
