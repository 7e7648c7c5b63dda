import { describe, expect, it } from "vitest";
import { CUSTOMER, D360, metaText, type Receiver, type TestSandbox, useSandbox } from "./helpers.ts";

let receiver: Receiver;
let sb: TestSandbox;
const key = { "D360-API-KEY": D360.apiKey };

useSandbox((s, r) => {
  sb = s;
  receiver = r;
});

describe("360dialog", () => {
  it("answers a wrong or missing key with 360dialog's 401 body", async () => {
    for (const headers of [{ "D360-API-KEY": "nope" }, {}] as Record<string, string>[]) {
      const res = await sb.call("POST", "/d360/messages", { json: metaText(CUSTOMER, "hola"), headers });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ meta: { success: false, http_code: 401, developer_message: "Invalid api key" } });
    }
  });

  it("sends with Meta's body and response, and passes Meta errors through in Meta's shape", async () => {
    const ok = await sb.call("POST", "/d360/messages", { json: metaText("541155550123", "hola"), headers: key });
    expect(ok.status).toBe(200);
    expect(ok.json.contacts).toEqual([{ input: "541155550123", wa_id: "5491155550123" }]);
    expect(ok.json.messages[0].id).toMatch(/^wamid\./);
    const inbox = (await sb.call("GET", "/_sandbox/customers/5491155550123/inbox")).json;
    expect(inbox[0].provider).toBe("DIALOG_360");
    const bad = await sb.call("POST", "/d360/messages", {
      headers: key,
      json: { messaging_product: "whatsapp", to: CUSTOMER, type: "template", template: { name: "job_scheduled", language: { code: "es_AR" }, components: [] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe(132000);
  });

  it("reads and sets the webhook config", async () => {
    const initial = await sb.call("GET", "/d360/v1/configs/webhook", { headers: key });
    expect(initial.json.url).toBe(`${receiver.url}/api/webhooks/dialog360?orgId=demo-org`);
    const set = await sb.call("POST", "/d360/v1/configs/webhook", { headers: key, json: { url: "https://example.com/hook?orgId=x", headers: { "X-A": "b" } } });
    expect(set.json).toEqual({ url: "https://example.com/hook?orgId=x", headers: { "X-A": "b" } });
    expect((await sb.call("GET", "/d360/v1/configs/webhook", { headers: key })).json.url).toBe("https://example.com/hook?orgId=x");
    expect((await sb.call("POST", "/d360/v1/configs/webhook", { headers: key, json: { url: "not a url" } })).status).toBe(400);
  });

  it("lists templates in 360dialog's shape and creates one", async () => {
    const list = await sb.call("GET", "/d360/v1/configs/templates", { headers: key });
    expect(list.json).toMatchObject({ count: 10, total: 10, offset: 0, filters: {}, sort: ["id"] });
    expect(list.json.waba_templates[0]).toMatchObject({ name: "job_scheduled", language: "es_AR", status: "approved", category: "UTILITY" });
    const created = await sb.call("POST", "/d360/v1/configs/templates", {
      headers: key,
      json: { name: "promo_invierno", language: "es_AR", category: "MARKETING", components: [{ type: "BODY", text: "Hola {{1}}" }] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "promo_invierno", status: "submitted" });
    const [hook] = await receiver.waitFor((r) => r.raw.toString().includes("promo_invierno"));
    expect(hook!.url).toBe("/api/webhooks/dialog360?orgId=demo-org");
  });

  it("reports health", async () => {
    const res = await sb.call("GET", "/d360/health_status", { headers: key });
    expect(res.json.health_status.can_send_message).toBe("AVAILABLE");
    expect(res.json.health_status.entities.map((e: { entity_type: string }) => e.entity_type)).toContain("PHONE_NUMBER");
  });
});
