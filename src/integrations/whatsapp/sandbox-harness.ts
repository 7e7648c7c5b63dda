import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startSandbox } from "@campotech/sandbox";

// Test-only helpers around apps/sandbox for the provider integration tests: start it on a random port, read what it
// recorded, inject faults, and catch the webhooks it sends. Not exported from any index.

export const SANDBOX = {
  meta: { phoneNumberId: "100000000000001", wabaId: "200000000000001", display: "541152630000", accessToken: "sandbox-meta-access-token-demo" },
  dialog360: { phoneNumberId: "100000000000002", display: "541152630001", apiKey: "sandbox-d360-api-key-demo" },
  twilio: { from: "5491152630002" },
} as const;

export type RecordedRequest = {
  id: string;
  provider: "meta" | "dialog360" | "twilio";
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  response: { status: number; body: unknown };
};

export type FaultInput = {
  provider?: "META_DIRECT" | "DIALOG_360" | "TWILIO";
  phone?: string;
  phoneNumberId?: string;
  kind: string;
  share?: number;
  count?: number;
  timeoutMs?: number;
};

export type TestSandbox = {
  url: string;
  // The sandbox's SMTP catcher (a free port per test sandbox).
  smtpPort: number;
  close(): Promise<void>;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  requests(provider: RecordedRequest["provider"], path?: string): Promise<RecordedRequest[]>;
  lastRequest(provider: RecordedRequest["provider"], path?: string): Promise<RecordedRequest>;
  clearRequests(): Promise<void>;
  fault(input: FaultInput): Promise<void>;
  clearFaults(): Promise<void>;
  // Resets the sandbox; when webhooks are pointed somewhere, points them there again (reset restores the defaults).
  reset(): Promise<void>;
  // Re-registers the three built-in numbers (same ids and credentials) with their webhooks at `url`.
  pointWebhooksAt(url: string): Promise<void>;
  // The message a simulated customer sent, as the sandbox stored it (Meta message object or Twilio form fields).
  customerMessage(phone: string, id: string): Promise<Record<string, unknown>>;
};

export async function startTestSandbox(): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0 });
  const url = sandbox.url.replace(/\/+$/, "");

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${url}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  async function requests(provider: RecordedRequest["provider"], path?: string): Promise<RecordedRequest[]> {
    const query = new URLSearchParams({ provider, ...(path ? { path } : {}) });
    const result = await control("GET", `/_sandbox/requests?${query}`);
    // Accept either a bare array or {requests: [...]}.
    const list = Array.isArray(result) ? result : (result as { requests: RecordedRequest[] }).requests;
    return list as RecordedRequest[];
  }

  let webhookBase: string | undefined;
  async function pointWebhooksAt(base: string): Promise<void> {
    webhookBase = base;
    await control("POST", "/_sandbox/numbers", {
      provider: "META_DIRECT",
      phoneNumberId: SANDBOX.meta.phoneNumberId,
      wabaId: SANDBOX.meta.wabaId,
      displayPhoneNumber: SANDBOX.meta.display,
      accessToken: SANDBOX.meta.accessToken,
      webhookUrl: `${base}/meta`,
    });
    await control("POST", "/_sandbox/numbers", {
      provider: "DIALOG_360",
      phoneNumberId: SANDBOX.dialog360.phoneNumberId,
      wabaId: "200000000000002",
      displayPhoneNumber: SANDBOX.dialog360.display,
      apiKey: SANDBOX.dialog360.apiKey,
      webhookUrl: `${base}/d360`,
    });
    await control("POST", "/_sandbox/numbers", {
      provider: "TWILIO",
      phoneNumberId: `+${SANDBOX.twilio.from}`,
      wabaId: "200000000000003",
      displayPhoneNumber: SANDBOX.twilio.from,
      webhookUrl: `${base}/twilio`,
      statusCallbackUrl: `${base}/twilio-status`,
    });
  }

  return {
    url,
    smtpPort: sandbox.smtpPort,
    close: () => sandbox.close(),
    pointWebhooksAt,
    async customerMessage(phone, id) {
      const conversation = (await control("GET", `/_sandbox/customers/${phone}/conversation`)) as Array<{ id: string; payload: Record<string, unknown> }>;
      const found = conversation.find((m) => m.id === id);
      if (!found) throw new Error(`customer message ${id} not found`);
      return found.payload;
    },
    control,
    requests,
    async lastRequest(provider, path) {
      const list = await requests(provider, path);
      const last = list.at(-1);
      if (!last) throw new Error(`no ${provider} request recorded${path ? ` for ${path}` : ""}`);
      return last;
    },
    clearRequests: async () => void (await control("DELETE", "/_sandbox/requests")),
    fault: async (input) => void (await control("POST", "/_sandbox/faults", input)),
    clearFaults: async () => void (await control("DELETE", "/_sandbox/faults")),
    async reset() {
      await control("POST", "/_sandbox/reset");
      if (webhookBase) await pointWebhooksAt(webhookBase);
    },
  };
}

export type CapturedWebhook = { path: string; headers: IncomingMessage["headers"]; body: string };

// A local HTTP server standing in for our webhook routes: the sandbox delivers status callbacks to it.
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: CapturedWebhook[];
  waitFor(predicate: (hook: CapturedWebhook) => boolean, timeoutMs?: number): Promise<CapturedWebhook>;
  close(): Promise<void>;
}> {
  const received: CapturedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = received.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no matching webhook within ${timeoutMs} ms (received ${received.length})`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
