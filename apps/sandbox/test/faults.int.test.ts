import { describe, expect, it } from "vitest";
import { META_ERRORS } from "../src/meta/errors.ts";
import { TWILIO_ERRORS } from "../src/twilio/errors.ts";
import { basic, bearer, CUSTOMER, D360, META, metaText, SECRETS, statusesOf, TWILIO_FROM, type Receiver, type TestSandbox, useSandbox } from "./helpers.ts";

let receiver: Receiver;
let sb: TestSandbox;
const send = (to = CUSTOMER) => sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/messages`, { json: metaText(to, "hola"), headers: bearer() });
const sendD360 = () => sb.call("POST", "/d360/messages", { json: metaText(CUSTOMER, "hola"), headers: { "D360-API-KEY": D360.apiKey } });
const sendTwilio = (form: Record<string, string> = {}) =>
  sb.call("POST", `/twilio/2010-04-01/Accounts/${SECRETS.twilioAccountSid}/Messages.json`, {
    form: { From: TWILIO_FROM, To: `whatsapp:+${CUSTOMER}`, ContentSid: "HXca110000000000000000000000000005", ContentVariables: '{"1":"Ana"}', ...form },
    headers: basic(),
  });
const fault = (body: Record<string, unknown>) => sb.call("POST", "/_sandbox/faults", { json: body });

useSandbox((s, r) => {
  sb = s;
  receiver = r;
});

describe("fault injection", () => {
  it("130429 answers 429 with Meta's body for the next `count` sends only", async () => {
    const created = await fault({ kind: "130429", count: 2 });
    expect(created.status).toBe(201);
    expect(created.json.id).toMatch(/^flt_/);
    for (let i = 0; i < 2; i++) {
      const res = await send();
      expect(res.status).toBe(429);
      expect(res.json.error).toMatchObject({ code: 130429, message: "(#130429) Rate limit hit", type: "OAuthException" });
    }
    expect((await send()).status).toBe(200);
    expect((await sb.call("GET", "/_sandbox/faults")).json[0]).toMatchObject({ kind: "130429", hits: 2, remaining: 0 });
  });

  it("share applies to roughly that fraction of requests", async () => {
    await fault({ kind: "131056", share: 0.5 });
    let failed = 0;
    for (let i = 0; i < 100; i++) if ((await send()).status === 429) failed += 1;
    expect(failed).toBeGreaterThan(20);
    expect(failed).toBeLessThan(80);
  });

  it("a phone-scoped fault hits only that recipient (matching 54/549 forms)", async () => {
    await fault({ kind: "131056", phone: "541155550999" });
    expect((await send("5491155550999")).json.error.code).toBe(131056);
    expect((await send(CUSTOMER)).status).toBe(200);
  });

  it("a provider-scoped fault leaves the other providers alone", async () => {
    await fault({ kind: "131016", provider: "DIALOG_360" });
    expect((await sendD360()).status).toBe(503);
    expect((await send()).status).toBe(200);
  });

  it("131026 accepts the send, then delivers a failed status with errors[]", async () => {
    await fault({ kind: "131026" });
    const res = await send();
    expect(res.status).toBe(200);
    const id = res.json.messages[0].id;
    const [hook] = await receiver.waitFor((r) => r.raw.toString().includes(id));
    const [status] = statusesOf(hook!);
    expect(status).toMatchObject({ id, status: "failed", errors: [{ code: 131026, title: "Message undeliverable" }] });
    expect(status.pricing).toBeUndefined();
  });

  it("190 also fails the health check, so panic mode sees it", async () => {
    await fault({ kind: "190" });
    const sendRes = await send();
    expect(sendRes.status).toBe(401);
    expect(sendRes.json.error).toMatchObject({ code: 190, error_subcode: 463 });
    const health = await sb.call("GET", `/meta/v24.0/${META.phoneNumberId}`, { headers: bearer() });
    expect(health.json.error.code).toBe(190);
  });

  it("5xx answers 503 with a transient 131016 body (Meta) and 500 20500 (Twilio)", async () => {
    await fault({ kind: "5xx" });
    const meta = await send();
    expect(meta.status).toBe(503);
    expect(meta.json.error).toMatchObject({ code: 131016, is_transient: true });
    const twilio = await sendTwilio();
    expect(twilio.status).toBe(500);
    expect(twilio.json.code).toBe(20500);
  });

  it("timeout holds the response for timeoutMs", async () => {
    await fault({ kind: "timeout", timeoutMs: 150, count: 1 });
    const start = Date.now();
    const res = await send();
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(504);
  });

  it("timeout ends when the client gives up", async () => {
    await fault({ kind: "timeout" });
    const start = Date.now();
    await expect(
      fetch(`${sb.url}/meta/v24.0/${META.phoneNumberId}/messages`, {
        method: "POST",
        headers: { ...bearer(), "content-type": "application/json" },
        body: JSON.stringify(metaText(CUSTOMER, "x")),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    expect(Date.now() - start).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 50));
    const recorded = (await sb.call("GET", "/_sandbox/requests?path=/messages")).json.at(-1);
    expect(recorded.response.status).toBe(0);
  });

  it("Twilio 63018 fails asynchronously; 21211 synchronously", async () => {
    await fault({ kind: "63018", count: 1 });
    const res = await sendTwilio();
    expect(res.status).toBe(201);
    const [hook] = await receiver.waitFor((r) => r.raw.toString().includes(res.json.sid) && r.raw.toString().includes("ErrorCode"));
    expect(new URLSearchParams(hook!.raw.toString()).get("ErrorCode")).toBe("63018");
    await fault({ kind: "21211", count: 1 });
    const sync = await sendTwilio();
    expect(sync.status).toBe(400);
    expect(sync.json.code).toBe(21211);
  });

  it("rejects unknown fault kinds", async () => {
    const res = await fault({ kind: "999999" });
    expect(res.status).toBe(400);
  });

  it("exercises every Meta error code in the table (sync body or async failed status)", async () => {
    for (const [code, def] of Object.entries(META_ERRORS)) {
      await fault({ kind: code, count: 1, provider: "META_DIRECT" });
      const res = await send();
      if (def.async) {
        expect(res.status, code).toBe(200);
        const id = res.json.messages[0].id;
        const [hook] = await receiver.waitFor((r) => r.raw.toString().includes(id));
        expect(statusesOf(hook!)[0].errors[0].code, code).toBe(Number(code));
      } else {
        expect(res.status, code).toBe(def.httpStatus);
        expect(res.json.error.code, code).toBe(Number(code));
        expect(res.json.error.error_data.details, code).toBeTypeOf("string");
      }
    }
  });

  it("exercises every Twilio error code in the table", async () => {
    for (const [code, def] of Object.entries(TWILIO_ERRORS)) {
      await fault({ kind: code, count: 1 });
      const res = await sendTwilio();
      if (def.async) {
        expect(res.status, code).toBe(201);
        const [hook] = await receiver.waitFor((r) => r.raw.toString().includes(res.json.sid) && r.raw.toString().includes("ErrorCode"));
        const form = new URLSearchParams(hook!.raw.toString());
        expect(form.get("ErrorCode"), code).toBe(code);
        expect(form.get("MessageStatus"), code).toBe(def.finalStatus);
      } else {
        expect(res.status, code).toBe(def.httpStatus);
        expect(res.json, code).toMatchObject({ code: Number(code), status: def.httpStatus, more_info: `https://www.twilio.com/docs/errors/${code}` });
      }
    }
  });
});
