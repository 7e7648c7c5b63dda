import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearer, CUSTOMER, type Json, D360, META, metaText, parseJson, SECRETS, sleep, startReceiver, statusesOf, type Receiver, type TestSandbox, useSandbox } from "./helpers.ts";

let receiver: Receiver;
let sb: TestSandbox;
const send = (body: unknown) => sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/messages`, { json: body, headers: bearer() });
const isStatus = (r: { raw: Buffer }) => r.raw.toString().includes('"statuses"');
/** Statuses of one message in arrival order (earlier tests' in-flight webhooks may still arrive). */
const ofMessage = (id: string) => receiver.received.filter(isStatus).flatMap(statusesOf).filter((s) => s.id === id);

useSandbox((s, r) => {
  sb = s;
  receiver = r;
});

describe("Meta webhook bytes and signature", () => {
  it("escapes non-ASCII as lowercase \\uXXXX (emoji as surrogate pairs) and signs those exact bytes", async () => {
    const res = await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { type: "text", text: "Hola, ¿está? 😊 á", profileName: "Martina Gómez" } });
    expect(res.status).toBe(202);
    expect(res.json.delivery).toEqual({ status: "delivered", attempts: 1 });
    const [hook] = await receiver.waitFor((r) => r.url === "/api/webhooks/whatsapp");
    const raw = hook!.raw.toString("latin1");
    expect(raw).toContain("\\u00e1");
    expect(raw).toContain("\\ud83d\\ude0a");
    expect(raw).toContain("G\\u00f3mez");
    expect(/[\u0080-\uffff]/.test(raw)).toBe(false);
    const expected = `sha256=${createHmac("sha256", SECRETS.metaAppSecret).update(hook!.raw).digest("hex")}`;
    expect(hook!.headers["x-hub-signature-256"]).toBe(expected);
    // A naive re-serialization of the parsed body would not match: receivers must use the raw bytes.
    const reserialized = `sha256=${createHmac("sha256", SECRETS.metaAppSecret).update(JSON.stringify(JSON.parse(raw))).digest("hex")}`;
    expect(reserialized).not.toBe(expected);
    const body = parseJson(hook!);
    expect(body.object).toBe("whatsapp_business_account");
    const value = body.entry[0].changes[0].value;
    expect(body.entry[0].id).toBe(META.wabaId);
    expect(value.metadata).toEqual({ display_phone_number: "541152630000", phone_number_id: META.phoneNumberId });
    expect(value.contacts).toEqual([{ profile: { name: "Martina Gómez" }, wa_id: CUSTOMER }]);
    expect(value.messages[0]).toMatchObject({ from: CUSTOMER, id: res.json.id, type: "text", text: { body: "Hola, ¿está? 😊 á" } });
    expect(value.messages[0].timestamp).toMatch(/^\d{10}$/);
  });

  it("360dialog: Meta envelope to the ?orgId= URL with custom headers and x-360dialog-signature", async () => {
    const set = await sb.call("POST", "/d360/v1/configs/webhook", {
      headers: { "D360-API-KEY": D360.apiKey },
      json: { url: `${receiver.url}/api/webhooks/dialog360?orgId=org-42`, headers: { "X-Org-Secret": "s3cret" } },
    });
    expect(set.status).toBe(200);
    await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { to: D360.phoneNumberId, type: "text", text: "Buenas ñ" } });
    const [hook] = await receiver.waitFor((r) => r.url.startsWith("/api/webhooks/dialog360"));
    expect(hook!.url).toBe("/api/webhooks/dialog360?orgId=org-42");
    expect(hook!.headers["x-org-secret"]).toBe("s3cret");
    expect(hook!.headers["x-360dialog-signature"]).toBe(createHmac("sha256", SECRETS.dialog360WebhookSecret).update(hook!.raw).digest("hex"));
    expect(hook!.headers["x-hub-signature-256"]).toBeUndefined();
    expect(parseJson(hook!).entry[0].changes[0].value.metadata.phone_number_id).toBe(D360.phoneNumberId);
  });

  it("builds interactive replies with context pointing at the business message", async () => {
    const sent = await send({
      messaging_product: "whatsapp", to: CUSTOMER, type: "interactive",
      interactive: { type: "button", body: { text: "¿Confirmás?" }, action: { buttons: [{ type: "reply", reply: { id: "yes", title: "Sí" } }] } },
    });
    await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { type: "button_reply", reply: { id: "yes", title: "Sí" } } });
    const [hook] = await receiver.waitFor((r) => r.raw.toString().includes("button_reply"));
    const msg = parseJson(hook!).entry[0].changes[0].value.messages[0];
    expect(msg).toMatchObject({ type: "interactive", interactive: { type: "button_reply", button_reply: { id: "yes", title: "Sí" } } });
    expect(msg.context).toEqual({ from: "541152630000", id: sent.json.messages[0].id });
  });
});

describe("status webhooks", () => {
  it("sends sent → delivered → read in order, with pricing and biz_opaque_callback_data", async () => {
    const res = await send({ ...metaText(CUSTOMER, "hola"), biz_opaque_callback_data: "job:7" });
    const id = res.json.messages[0].id;
    const hooks = await receiver.waitFor((r) => isStatus(r) && r.raw.toString().includes(id), 3);
    const statuses = hooks.flatMap(statusesOf);
    expect(statuses.map((s) => s.status)).toEqual(["sent", "delivered", "read"]);
    for (const s of statuses) {
      expect(s).toMatchObject({ id, recipient_id: CUSTOMER, biz_opaque_callback_data: "job:7", pricing: { pricing_model: "PMP", category: "service" } });
    }
    const inbox = (await sb.call("GET", `/_sandbox/customers/${CUSTOMER}/inbox`)).json;
    expect(inbox[0].status).toBe("read");
  });

  it("read can be disabled", async () => {
    await sb.call("POST", "/_sandbox/config", { json: { statusDelaysMs: { read: null } } });
    const id = (await send(metaText(CUSTOMER, "hola"))).json.messages[0].id;
    await receiver.waitFor(isStatus, 2);
    await sleep(80);
    expect(ofMessage(id).map((s) => s.status)).toEqual(["sent", "delivered"]);
  });

  it("batchStatuses puts several messages' statuses in one POST (changes and statuses arrays)", async () => {
    await sb.call("POST", "/_sandbox/config", { json: { batchStatuses: true, batchWindowMs: 100 } });
    const a = (await send(metaText(CUSTOMER, "uno"))).json.messages[0].id;
    const b = (await send(metaText("5491155550124", "dos"))).json.messages[0].id;
    const [hook] = await receiver.waitFor((r) => r.raw.toString().includes(a));
    const body = parseJson(hook!);
    expect(body.entry[0].changes).toHaveLength(2);
    expect(body.entry[0].changes.map((c: Json) => c.value.statuses[0].id)).toEqual([a, b]);
    for (const change of body.entry[0].changes) expect(change.value.statuses.map((s: { status: string }) => s.status)).toEqual(["sent", "delivered", "read"]);
    await sleep(150);
    expect(receiver.received.filter((r) => r.raw.toString().includes(a))).toHaveLength(1);
  });

  it("outOfOrder delivers read before delivered, or omits delivered", async () => {
    await sb.call("POST", "/_sandbox/config", { json: { outOfOrder: true } });
    const first = (await send(metaText(CUSTOMER, "uno"))).json.messages[0].id;
    await receiver.waitFor((r) => r.raw.toString().includes(first), 3);
    expect(ofMessage(first).map((s) => s.status)).toEqual(["sent", "read", "delivered"]);
    await sb.call("POST", "/_sandbox/config", { json: { outOfOrder: "omit-delivered" } });
    const second = (await send(metaText(CUSTOMER, "dos"))).json.messages[0].id;
    await receiver.waitFor((r) => r.raw.toString().includes(second), 2);
    await sleep(60);
    expect(ofMessage(second).map((s) => s.status)).toEqual(["sent", "read"]);
  });

  it("duplicateDeliveries posts the identical bytes twice", async () => {
    await sb.call("POST", "/_sandbox/config", { json: { duplicateDeliveries: true } });
    await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { type: "text", text: "dup" } });
    const hooks = await receiver.waitFor((r) => r.raw.toString().includes('"dup"'), 2);
    expect(hooks[0]!.raw.equals(hooks[1]!.raw)).toBe(true);
    expect(hooks[0]!.headers["x-hub-signature-256"]).toBe(hooks[1]!.headers["x-hub-signature-256"]);
  });
});

describe("webhook retries", () => {
  it("retries a failing receiver with exponential backoff and records every attempt", async () => {
    await sb.call("POST", "/_sandbox/config", { json: { webhookRetry: { baseMs: 40, maxAttempts: 4 } } });
    receiver.failNext(2, 503);
    const res = await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { type: "text", text: "retry" } });
    expect(res.json.delivery).toEqual({ status: "pending", attempts: 1 });
    const hooks = await receiver.waitFor((r) => r.raw.toString().includes('"retry"'), 3);
    const gap1 = hooks[1]!.at - hooks[0]!.at;
    const gap2 = hooks[2]!.at - hooks[1]!.at;
    expect(gap1).toBeGreaterThanOrEqual(35);
    expect(gap2).toBeGreaterThanOrEqual(75);
    await sleep(50);
    const attempts = (await sb.call("GET", "/_sandbox/webhooks")).json.filter((w: { body: string }) => w.body.includes('"retry"'));
    expect(attempts.map((a: { attempt: number; status: number }) => [a.attempt, a.status])).toEqual([[1, 503], [2, 503], [3, 200]]);
    expect(new Set(attempts.map((a: { deliveryId: string }) => a.deliveryId)).size).toBe(1);
  });

  it("gives up after maxAttempts and records connection errors", async () => {
    await sb.call("POST", "/_sandbox/config", { json: { webhookRetry: { baseMs: 5, maxAttempts: 3 } } });
    const closed = await startReceiver();
    const deadUrl = `${closed.url}/hook`;
    await closed.close();
    await sb.call("POST", "/_sandbox/numbers", {
      json: { provider: "META_DIRECT", phoneNumberId: "100000000000099", displayPhoneNumber: "541152639999", accessToken: "tok-99", webhookUrl: deadUrl },
    });
    const res = await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { to: "100000000000099", type: "text", text: "x" } });
    expect(res.json.delivery.status).toBe("pending");
    await sleep(100);
    const attempts = (await sb.call("GET", "/_sandbox/webhooks")).json.filter((w: { url: string; body: string }) => w.url === deadUrl && w.body.includes('"messages"'));
    expect(attempts).toHaveLength(3);
    expect(attempts[0].error).toContain("ECONNREFUSED");
  });
});
