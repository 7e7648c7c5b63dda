import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bearer, CUSTOMER, META, metaText, type Receiver, type TestSandbox, useSandbox } from "./helpers.ts";

let receiver: Receiver;
let sb: TestSandbox;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

useSandbox(
  (s, r) => {
    sb = s;
    receiver = r;
  },
  { resetEachTest: false },
);

describe("control API", () => {
  it("lists the default numbers matching the demo seed", async () => {
    const numbers = (await sb.call("GET", "/_sandbox/numbers")).json;
    expect(numbers.map((n: { provider: string }) => n.provider)).toEqual(["META_DIRECT", "DIALOG_360", "TWILIO"]);
    expect(numbers[0]).toMatchObject({ phoneNumberId: "100000000000001", wabaId: "200000000000001", displayPhoneNumber: "541152630000", accessToken: "sandbox-meta-access-token-demo" });
    expect(numbers[1]).toMatchObject({ phoneNumberId: "100000000000002", apiKey: "sandbox-d360-api-key-demo", webhookUrl: `${receiver.url}/api/webhooks/dialog360?orgId=demo-org` });
    expect(numbers[2]).toMatchObject({ displayPhoneNumber: "5491152630002", statusCallbackUrl: `${receiver.url}/api/webhooks/twilio/status` });
  });

  it("registers a number that then authenticates and receives webhooks at its URL", async () => {
    const created = await sb.call("POST", "/_sandbox/numbers", {
      json: { provider: "META_DIRECT", phoneNumberId: "100000000000077", displayPhoneNumber: "541152637777", accessToken: "tok-77", webhookUrl: `${receiver.url}/org77` },
    });
    expect(created.status).toBe(201);
    const res = await sb.call("POST", "/meta/v24.0/100000000000077/messages", { json: metaText(CUSTOMER, "hola"), headers: bearer("tok-77") });
    expect(res.status).toBe(200);
    await receiver.waitFor((r) => r.url === "/org77");
    expect((await sb.call("POST", "/_sandbox/numbers", { json: { provider: "META_DIRECT" } })).status).toBe(400);
  });

  it("reset clears requests, webhooks, inboxes, faults, media, numbers, templates and config", async () => {
    await sb.call("POST", "/_sandbox/config", { json: { batchStatuses: true, statusDelaysMs: { read: null } } });
    await sb.call("POST", "/_sandbox/faults", { json: { kind: "131056", phone: "5491100000000" } });
    await sb.call("POST", "/_sandbox/numbers", { json: { provider: "DIALOG_360", displayPhoneNumber: "541152636666" } });
    await sb.call("POST", `/meta/v24.0/${META.wabaId}/message_templates`, {
      headers: bearer(),
      json: { name: "temp_one", language: "es_AR", category: "UTILITY", components: [{ type: "BODY", text: "x" }] },
    });
    await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/messages`, { json: metaText(CUSTOMER, "hola"), headers: bearer() });
    await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { type: "image" } });

    expect((await sb.call("POST", "/_sandbox/reset")).status).toBe(200);
    expect((await sb.call("GET", "/_sandbox/requests")).json).toEqual([]);
    expect((await sb.call("GET", "/_sandbox/webhooks")).json).toEqual([]);
    expect((await sb.call("GET", `/_sandbox/customers/${CUSTOMER}/inbox`)).json).toEqual([]);
    expect((await sb.call("GET", `/_sandbox/customers/${CUSTOMER}/conversation`)).json).toEqual([]);
    expect((await sb.call("GET", "/_sandbox/faults")).json).toEqual([]);
    expect((await sb.call("GET", "/_sandbox/numbers")).json).toHaveLength(3);
    const config = (await sb.call("GET", "/_sandbox/config")).json;
    expect(config).toMatchObject({ batchStatuses: false, statusDelaysMs: { sent: 5, delivered: 15, read: 25 } });
    const templates = await sb.call("GET", `/meta/v24.0/${META.wabaId}/message_templates`, { headers: bearer() });
    expect(templates.json.data.map((t: { name: string }) => t.name)).not.toContain("temp_one");
  });

  it("rejects unknown config keys and serves the Spanish simulator page", async () => {
    expect((await sb.call("POST", "/_sandbox/config", { json: { nope: true } })).status).toBe(400);
    const page = await sb.call("GET", "/");
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain('lang="es-AR"');
    expect(page.text).toContain("Simulador de WhatsApp");
    expect(page.text).toContain('<label for="text">Tu mensaje</label>');
  });

  it("shows both directions in the conversation, and mark-as-read flags the customer message", async () => {
    const phone = "5491155557777";
    const inbound = await sb.call("POST", `/_sandbox/customers/${phone}/messages`, { json: { type: "text", text: "Hola" } });
    await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/messages`, { json: metaText(phone, "¿En qué te ayudo?"), headers: bearer() });
    await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/messages`, {
      json: { messaging_product: "whatsapp", status: "read", message_id: inbound.json.id },
      headers: bearer(),
    });
    const conversation = (await sb.call("GET", `/_sandbox/customers/${phone}/conversation`)).json;
    expect(conversation.map((m: { direction: string }) => m.direction)).toEqual(["customer", "business"]);
    expect(conversation[0].readByBusiness).toBe(true);
  });
});

describe("startup", () => {
  it("refuses NODE_ENV=production with a clear message and exit code 1", () => {
    const tsx = join(root, "node_modules", ".bin", "tsx");
    const result = spawnSync(tsx, ["src/main.ts"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", SANDBOX_PORT: "0" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("refusing to start");
    expect(result.stderr).toContain("NODE_ENV=production");
  });
});
