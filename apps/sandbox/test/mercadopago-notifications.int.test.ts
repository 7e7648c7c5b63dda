import { describe, expect, it } from "vitest";
import { mercadoPagoSignature, signatureManifest } from "../src/index.ts";
import {
  bodyOf,
  createPreference,
  type Hit,
  linkSeller,
  type MpSandbox,
  type NotificationReceiver,
  pay,
  preferenceBody,
  SELLERS,
  sleep,
  useMercadoPagoSandbox,
  verifySignature,
} from "./mercadopago-helpers.ts";

let sb: MpSandbox;
let receiver: NotificationReceiver;
useMercadoPagoSandbox((s, r) => {
  sb = s;
  receiver = r;
});

const setConfig = (json: Record<string, unknown>) => sb.call("POST", "/_sandbox/mercadopago/config", { json });
const events = async (dataId: string) => (await sb.call("GET", `/_sandbox/mercadopago/notifications?data_id=${dataId}`)).json;
const forPayment = (id: number) => (h: Hit) => h.query.get("data.id") === String(id);

async function paid(card = "APRO", extra: Record<string, unknown> = {}) {
  const { access_token } = await linkSeller(sb);
  const pref = await createPreference(sb, access_token, preferenceBody(receiver, extra));
  return { token: access_token, pref, payment: await pay(sb, pref.id, card) };
}

describe("x-signature signer", () => {
  it("reproduces ARGENTINA.md §5.3's test vector, with and without data.id", () => {
    const input = { dataId: "123456789", requestId: "bb56a2f1-6aae-46ac-982e-9dcd3581d08e", ts: "1704908010" };
    expect(signatureManifest(input)).toBe("id:123456789;request-id:bb56a2f1-6aae-46ac-982e-9dcd3581d08e;ts:1704908010;");
    expect(mercadoPagoSignature("test-secret-1234", input)).toBe("ts=1704908010,v1=602f31976966a404f8def63d75c4d8f05d44ce64e61a00fcd77e183f33ef1a2d");
    expect(mercadoPagoSignature("test-secret-1234", { ...input, dataId: "123456780" })).not.toContain("602f3197");
    expect(mercadoPagoSignature("test-secret-1234", { requestId: input.requestId, ts: input.ts })).toBe(
      "ts=1704908010,v1=7416c4fd78db2c8d1e9d18c95fbe415956f1ee4d54c07504637c1997ee91d234",
    );
    expect(signatureManifest({ dataId: "ORD01ABC", ts: "1" })).toBe("id:ord01abc;ts:1;");
  });
});

describe("payment notifications", () => {
  it("POSTs to notification_url (its query kept) with data.id and type, MercadoPago's body, and a valid signature", async () => {
    const { payment } = await paid();
    const [hit] = await receiver.waitFor(forPayment(payment.id));
    expect(hit!.method).toBe("POST");
    expect(hit!.path).toBe("/api/webhooks/mercadopago");
    expect(hit!.url).toBe(`/api/webhooks/mercadopago?source_news=webhooks&data.id=${payment.id}&type=payment`);
    expect(hit!.headers["content-type"]).toBe("application/json");
    expect(hit!.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const ts = /^ts=(\d+),v1=[0-9a-f]{64}$/.exec(String(hit!.headers["x-signature"]));
    expect(ts).not.toBeNull();
    expect(Math.abs(Number(ts![1]) - Date.now() / 1000)).toBeLessThan(5);
    expect(verifySignature(hit!)).toBe(true);
    expect(verifySignature(hit!, "another-secret")).toBe(false);
    const body = bodyOf(hit!);
    expect(Object.keys(body)).toEqual(["id", "live_mode", "type", "date_created", "user_id", "api_version", "action", "data"]);
    expect(body).toMatchObject({ live_mode: false, type: "payment", user_id: SELLERS.demo, api_version: "v1", action: "payment.created", data: { id: String(payment.id) } });
    expect(typeof body.id).toBe("number");
    expect(body.date_created).toMatch(/-04:00$/);
  });

  it("status changes and refunds are payment.updated, delivered in order", async () => {
    const { token, payment } = await paid("CONT");
    await sb.call("POST", `/_sandbox/mercadopago/payments/${payment.id}/status`, { json: { status: "approved" } });
    await sb.call("POST", `/mercadopago/v1/payments/${payment.id}/refunds`, { token, json: { amount: 10 }, headers: { "x-idempotency-key": "r1" } });
    const hits = await receiver.waitFor(forPayment(payment.id), 3);
    expect(hits.map((h) => bodyOf(h).action)).toEqual(["payment.created", "payment.updated", "payment.updated"]);
    expect(hits.every((h) => verifySignature(h))).toBe(true);
    // Every POST is its own notification: the id is no dedupe key, data.id + the state read back is.
    expect(new Set(hits.map((h) => bodyOf(h).id)).size).toBe(3);
  });

  it("without notification_url, payments notify the application's webhook; without either, nothing is sent", async () => {
    const quiet = await paid("APRO", { notification_url: undefined });
    await sleep(100);
    expect(receiver.hits).toHaveLength(0);
    expect((await events(String(quiet.payment.id)))[0]).toMatchObject({ url: null, attempts: [] });

    await sb.call("POST", "/_sandbox/mercadopago/application", { json: { webhookUrl: `${receiver.url}/app-webhook` } });
    const { payment } = await paid("APRO", { notification_url: undefined });
    const [hit] = await receiver.waitFor(forPayment(payment.id));
    expect(hit!.path).toBe("/app-webhook");
    expect(verifySignature(hit!)).toBe(true);
  });
});

describe("delivery: retries and faults", () => {
  it("retries non-2xx answers with backoff, re-signing every attempt, and logs each one", async () => {
    receiver.failNext(2, 500);
    const { payment } = await paid();
    const hits = await receiver.waitFor(forPayment(payment.id), 3);
    expect(hits.every((h) => verifySignature(h))).toBe(true);
    expect(new Set(hits.map((h) => h.headers["x-request-id"])).size).toBe(3);
    // Backoff: baseMs (30) then 2 × baseMs.
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(25);
    expect(hits[2]!.at - hits[1]!.at).toBeGreaterThanOrEqual(55);
    await sleep(50);
    const [event] = await events(String(payment.id));
    expect(event.attempts.map((a: { attempt: number; status: number }) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
  });

  it("gives up after maxAttempts, and an answer slower than webhookTimeoutMs counts as a failure", async () => {
    await setConfig({ retry: { maxAttempts: 3 } });
    receiver.failNext(10, 503);
    const { payment } = await paid();
    await receiver.waitFor(forPayment(payment.id), 3);
    await sleep(300);
    expect(receiver.hits.filter(forPayment(payment.id))).toHaveLength(3);

    receiver.clear();
    await setConfig({ webhookTimeoutMs: 100, retry: { maxAttempts: 4 } });
    receiver.hangNext(1);
    const slow = await paid();
    await receiver.waitFor(forPayment(slow.payment.id), 2, 3000);
    await sleep(50);
    const [event] = await events(String(slow.payment.id));
    expect(event.attempts[0]).toMatchObject({ attempt: 1, error: "no answer within webhookTimeoutMs" });
    expect(event.attempts[1]).toMatchObject({ attempt: 2, status: 200 });
  });

  it("duplicateNotifications sends each notification twice, as two different signed POSTs", async () => {
    await setConfig({ duplicateNotifications: true });
    const { payment } = await paid();
    const hits = await receiver.waitFor(forPayment(payment.id), 2);
    expect(hits.map((h) => bodyOf(h).action)).toEqual(["payment.created", "payment.created"]);
    expect(bodyOf(hits[0]!).id).not.toBe(bodyOf(hits[1]!).id);
    expect(hits.every((h) => verifySignature(h))).toBe(true);
    await sleep(50);
    expect((await events(String(payment.id)))[0].attempts.map((a: { chain: string }) => a.chain)).toEqual(["original", "duplicate"]);
  });

  it("outOfOrder delivers a payment's batch of updates newest first", async () => {
    await setConfig({ outOfOrder: true, outOfOrderWindowMs: 150 });
    const { token, payment } = await paid("CONT");
    await sb.call("POST", `/_sandbox/mercadopago/payments/${payment.id}/status`, { json: { status: "approved" } });
    await sb.call("POST", `/mercadopago/v1/payments/${payment.id}/refunds`, { token, json: {}, headers: { "x-idempotency-key": "all" } });
    expect(receiver.hits).toHaveLength(0);
    const hits = await receiver.waitFor(forPayment(payment.id), 3);
    expect(hits.map((h) => bodyOf(h).action)).toEqual(["payment.updated", "payment.updated", "payment.created"]);
    // The receiver must re-read the payment, which is already in its final state.
    expect((await sb.call("GET", `/mercadopago/v1/payments/${payment.id}`, { token })).json.status).toBe("refunded");
  });

  it("dropNotifications swallows the next N (logged as dropped) and resend delivers one on demand", async () => {
    await setConfig({ dropNotifications: 1 });
    const { payment } = await paid();
    const second = await paid();
    await receiver.waitFor(forPayment(second.payment.id));
    expect(receiver.hits.filter(forPayment(payment.id))).toHaveLength(0);
    const [dropped] = await events(String(payment.id));
    expect(dropped).toMatchObject({ dropped: true, action: "payment.created", attempts: [] });
    expect((await sb.call("GET", "/_sandbox/mercadopago/config")).json.dropNotifications).toBe(0);

    const resent = await sb.call("POST", `/_sandbox/mercadopago/notifications/${dropped.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.json.delivered).toBe(true);
    const [hit] = await receiver.waitFor(forPayment(payment.id));
    expect(bodyOf(hit!).action).toBe("payment.created");
    expect(verifySignature(hit!)).toBe(true);
    expect((await events(String(payment.id)))[0].attempts[0]).toMatchObject({ chain: "resend", status: 200 });
    expect((await sb.call("POST", "/_sandbox/mercadopago/notifications/mpn_nope/resend")).status).toBe(404);
  });

  it("signWithSecret forges the signature: it verifies with the forged secret, not the application's", async () => {
    await setConfig({ signWithSecret: "attacker-secret" });
    const { payment } = await paid();
    const [hit] = await receiver.waitFor(forPayment(payment.id));
    expect(verifySignature(hit!)).toBe(false);
    expect(verifySignature(hit!, "attacker-secret")).toBe(true);
    await setConfig({ signWithSecret: null });
    const ok = await paid();
    expect(verifySignature((await receiver.waitFor(forPayment(ok.payment.id)))[0]!)).toBe(true);
  });

  it("reset cancels pending retries", async () => {
    await setConfig({ retry: { baseMs: 200, maxAttempts: 4 } });
    receiver.failNext(1);
    const { payment } = await paid();
    await receiver.waitFor(forPayment(payment.id));
    await sb.call("POST", "/_sandbox/reset");
    await sleep(400);
    expect(receiver.hits.filter(forPayment(payment.id))).toHaveLength(1);
    expect((await sb.call("GET", "/_sandbox/mercadopago/notifications")).json).toEqual([]);
  });
});
