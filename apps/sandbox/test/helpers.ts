import { createServer, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { AddressInfo } from "node:net";
import { startSandbox, type SandboxConfig } from "../src/index.ts";

export const SECRETS = {
  metaAppSecret: "test-meta-app-secret",
  dialog360WebhookSecret: "test-d360-secret",
  twilioAccountSid: "ACtest0000000000000000000000000000",
  twilioAuthToken: "test-twilio-token",
} as const;

export const META = { phoneNumberId: "100000000000001", wabaId: "200000000000001", token: "sandbox-meta-access-token-demo" };
export const D360 = { phoneNumberId: "100000000000002", apiKey: "sandbox-d360-api-key-demo" };
export const TWILIO_FROM = "whatsapp:+5491152630002";
export const CUSTOMER = "5491155550123";

// Test JSON is checked with expect(), not trusted, so a loose type keeps assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export type Received = { method: string; url: string; headers: IncomingMessage["headers"]; raw: Buffer; at: number };

/** A stand-in for the platform's webhook routes: records every POST and can fail on demand. */
export async function startReceiver() {
  const received: Received[] = [];
  let failures = 0;
  let failStatus = 500;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, raw: Buffer.concat(chunks), at: Date.now() });
      if (failures > 0) {
        failures -= 1;
        res.writeHead(failStatus).end("nope");
      } else {
        res.writeHead(200).end("ok");
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    failNext(n: number, status = 500) {
      failures = n;
      failStatus = status;
    },
    clear() {
      received.length = 0;
    },
    /** Waits until `count` requests match, or throws after timeoutMs. */
    async waitFor(predicate: (r: Received) => boolean, count = 1, timeoutMs = 5000): Promise<Received[]> {
      const start = Date.now();
      while (Date.now() - start < timeoutMs) {
        const hits = received.filter(predicate);
        if (hits.length >= count) return hits;
        await sleep(10);
      }
      throw new Error(`receiver: expected ${count} matching webhook(s), got ${received.filter(predicate).length} of ${received.length}`);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Sandbox on a random port whose default numbers post webhooks to the receiver, with fast statuses. */
export async function startTestSandbox(receiver: Receiver, config: Partial<SandboxConfig> = {}) {
  const sandbox = await startSandbox({
    port: 0,
    host: "127.0.0.1",
    config: {
      ...SECRETS,
      publicBaseUrl: receiver.url,
      statusDelaysMs: { sent: 5, delivered: 15, read: 25 },
      webhookRetry: { baseMs: 20, maxAttempts: 4 },
      templateApprovalDelayMs: 30,
      ...config,
    },
  });
  const call = async (method: string, path: string, init: { json?: unknown; form?: Record<string, string | string[]>; headers?: Record<string, string>; body?: RequestInit["body"] } = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    let body: RequestInit["body"] | undefined = init.body;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params;
    }
    const res = await fetch(`${sandbox.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
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

export function bearer(token = META.token): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function basic(sid: string = SECRETS.twilioAccountSid, token: string = SECRETS.twilioAuthToken): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}` };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function metaText(to: string, body: string): Record<string, unknown> {
  return { messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { body } };
}

export function parseJson(r: Received): Json {
  return JSON.parse(r.raw.toString("utf8"));
}

/** All statuses[] items in a Meta webhook body. */
export function statusesOf(r: Received): Json[] {
  const body = parseJson(r);
  return body.entry.flatMap((e: Json) => e.changes.flatMap((c: Json) => c.value.statuses ?? []));
}

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

/**
 * One webhook receiver and one sandbox per test file (closed after it), reset before every test unless
 * `resetEachTest` is false. `bind` hands them to the file's variables once they exist.
 */
export function useSandbox(bind: (sb: TestSandbox, receiver: Receiver) => void, options: { resetEachTest?: boolean } = {}): void {
  let receiver: Receiver;
  let sb: TestSandbox;
  beforeAll(async () => {
    receiver = await startReceiver();
    sb = await startTestSandbox(receiver);
    bind(sb, receiver);
  });
  afterAll(async () => {
    await sb.close();
    await receiver.close();
  });
  if (options.resetEachTest !== false) {
    beforeEach(async () => {
      await sb.call("POST", "/_sandbox/reset");
      receiver.clear();
    });
  }
}
