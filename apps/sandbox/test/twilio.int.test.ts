import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CONTENT_SIDS, twilioSignature } from "../src/index.ts";
import { basic, CUSTOMER, SECRETS, sleep, TWILIO_FROM, type Receiver, type TestSandbox, useSandbox } from "./helpers.ts";

let receiver: Receiver;
let sb: TestSandbox;
const MESSAGES = `/twilio/2010-04-01/Accounts/${SECRETS.twilioAccountSid}/Messages.json`;
const send = (form: Record<string, string | string[]>, headers = basic()) => sb.call("POST", MESSAGES, { form, headers });
const formOf = (raw: Buffer) => Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
const TO = `whatsapp:+${CUSTOMER}`;

useSandbox((s, r) => {
  sb = s;
  receiver = r;
});

async function openWindow(): Promise<void> {
  const res = await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { to: TWILIO_FROM, type: "text", text: "hola" } });
  expect(res.status).toBe(202);
}

describe("X-Twilio-Signature", () => {
  // Twilio's published vector (twilio-node/php/csharp request-validator specs). Note: Caller/From are +14158675309;
  // with +12349013030 the expected value does not come out, so that variant is not the published vector.
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  it("matches Twilio's published test vector", () => {
    const params = { CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" };
    expect(twilioSignature("12345", url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    expect(twilioSignature("12345", url, { ...params, Digits: "9999" })).not.toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("de-duplicates and sorts repeated parameters like twilio-node", () => {
    const params = { Sid: "CA123", SidAccount: "AC123", Digits: ["5678", "1234", "1234"] };
    expect(twilioSignature("12345", url, params)).toBe("IK+Dwps556ElfBT0I3Rgjkr1wJU=");
  });
});

describe("Twilio Messages API", () => {
  it("answers bad credentials with 401 code 20003", async () => {
    for (const headers of [basic(SECRETS.twilioAccountSid, "wrong"), {} as Record<string, string>]) {
      const res = await send({ From: TWILIO_FROM, To: TO, Body: "hola" }, headers);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });
    }
  });

  it("answers an invalid To with 21211 in Twilio's shape", async () => {
    const res = await send({ From: TWILIO_FROM, To: "whatsapp:12", Body: "hola" });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ code: 21211, message: "The 'To' number whatsapp:12 is not a valid phone number.", more_info: "https://www.twilio.com/docs/errors/21211", status: 400 });
  });

  it("accepts a WhatsApp message inside the window: 201 resource, then signed status callbacks", async () => {
    await openWindow();
    receiver.clear();
    const res = await send({ From: TWILIO_FROM, To: TO, Body: "Tu técnico llega 10:00", MediaUrl: ["https://example.com/a.jpg", "https://example.com/b.jpg"] });
    expect(res.status).toBe(201);
    expect(res.json.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(res.json).toMatchObject({ status: "queued", from: TWILIO_FROM, to: TO, body: "Tu técnico llega 10:00", num_media: "2", account_sid: SECRETS.twilioAccountSid, api_version: "2010-04-01", direction: "outbound-api" });
    expect(res.json.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(res.json.uri).toBe(`/2010-04-01/Accounts/${SECRETS.twilioAccountSid}/Messages/${res.json.sid}.json`);

    const hooks = await receiver.waitFor((r) => r.url === "/api/webhooks/twilio/status" && r.raw.toString().includes(res.json.sid), 3);
    const forms = hooks.map((h) => formOf(h.raw));
    expect(forms.map((f) => f.MessageStatus)).toEqual(["sent", "delivered", "read"]);
    expect(forms[0]).toMatchObject({ MessageSid: res.json.sid, SmsSid: res.json.sid, AccountSid: SECRETS.twilioAccountSid, From: TWILIO_FROM, To: TO, ChannelPrefix: "whatsapp", ApiVersion: "2010-04-01" });
    for (const h of hooks) {
      expect(h.headers["x-twilio-signature"]).toBe(twilioSignature(SECRETS.twilioAuthToken, `${receiver.url}${h.url}`, formOf(h.raw)));
    }
    // The recorded request keeps repeated MediaUrl fields as an array.
    const recorded = (await sb.call("GET", "/_sandbox/requests?provider=twilio")).json.at(-1);
    expect(recorded.body.MediaUrl).toEqual(["https://example.com/a.jpg", "https://example.com/b.jpg"]);
    const fetched = await sb.call("GET", `/twilio/2010-04-01/Accounts/${SECRETS.twilioAccountSid}/Messages/${res.json.sid}.json`, { headers: basic() });
    expect(fetched.json).toMatchObject({ sid: res.json.sid, status: "read" });
  });

  it("fails free-form WhatsApp outside the 24 h window asynchronously with 63016", async () => {
    const res = await send({ From: TWILIO_FROM, To: TO, Body: "hola", StatusCallback: `${receiver.url}/custom/status?x=1` });
    expect(res.status).toBe(201);
    const [hook] = await receiver.waitFor((r) => r.url === "/custom/status?x=1");
    const form = formOf(hook!.raw);
    expect(form).toMatchObject({ MessageStatus: "failed", ErrorCode: "63016", MessageSid: res.json.sid });
    expect(hook!.headers["x-twilio-signature"]).toBe(twilioSignature(SECRETS.twilioAuthToken, `${receiver.url}/custom/status?x=1`, form));
    const fetched = await sb.call("GET", `/twilio/2010-04-01/Accounts/${SECRETS.twilioAccountSid}/Messages/${res.json.sid}.json`, { headers: basic() });
    expect(fetched.json).toMatchObject({ status: "failed", error_code: 63016 });
  });

  it("documents one valid-looking ContentSid per built-in template", () => {
    expect(Object.values(CONTENT_SIDS).sort()).toEqual([
      "invoice_ready", "job_completed", "job_reminder", "job_scheduled", "otp_code", "payment_confirmed", "payment_reminder", "staff_alert", "technician_on_the_way", "welcome",
    ]);
    for (const sid of Object.keys(CONTENT_SIDS)) expect(sid).toMatch(/^HX[0-9a-f]{32}$/);
  });

  it("sends a ContentSid template outside the window and validates ContentVariables", async () => {
    const ok = await send({ From: TWILIO_FROM, To: TO, ContentSid: "HXca110000000000000000000000000005", ContentVariables: JSON.stringify({ 1: "Martina" }) });
    expect(ok.status).toBe(201);
    expect(ok.json.body).toBe("¡Hola Martina! Gracias por escribirnos. Contanos en qué te podemos ayudar.");
    const [hook] = await receiver.waitFor((r) => r.raw.toString().includes(ok.json.sid) && r.raw.toString().includes("delivered"));
    expect(formOf(hook!.raw).ErrorCode).toBeUndefined();
    const missing = await send({ From: TWILIO_FROM, To: TO, ContentSid: "HXca110000000000000000000000000001", ContentVariables: "{}" });
    expect(missing.json.code).toBe(21656);
    const unknown = await send({ From: TWILIO_FROM, To: TO, ContentSid: "HXffffffffffffffffffffffffffffffff" });
    expect(unknown.json.code).toBe(21655);
  });

  it("sends SMS to a plain number into the TWILIO_SMS inbox, without read status", async () => {
    const res = await send({ From: "+5491152630002", To: `+${CUSTOMER}`, Body: "Tu código es 123456" });
    expect(res.status).toBe(201);
    const inbox = (await sb.call("GET", `/_sandbox/customers/${CUSTOMER}/inbox`)).json;
    expect(inbox[0]).toMatchObject({ id: res.json.sid, provider: "TWILIO_SMS", payload: { Body: "Tu código es 123456" } });
    await receiver.waitFor((r) => r.raw.toString().includes(res.json.sid), 2);
    await sleep(60);
    const statuses = receiver.received.filter((r) => r.raw.toString().includes(res.json.sid)).map((r) => formOf(r.raw));
    expect(statuses.map((f) => f.MessageStatus)).toEqual(["sent", "delivered"]);
    expect(statuses[0]!.ChannelPrefix).toBeUndefined();
    const mixed = await send({ From: TWILIO_FROM, To: `+${CUSTOMER}`, Body: "x" });
    expect(mixed.json.code).toBe(21910);
  });

  it("reports the account as active", async () => {
    const res = await sb.call("GET", `/twilio/2010-04-01/Accounts/${SECRETS.twilioAccountSid}.json`, { headers: basic() });
    expect(res.json).toMatchObject({ sid: SECRETS.twilioAccountSid, status: "active" });
    const bad = await sb.call("GET", `/twilio/2010-04-01/Accounts/${SECRETS.twilioAccountSid}.json`, { headers: basic(SECRETS.twilioAccountSid, "x") });
    expect(bad.json.code).toBe(20003);
  });
});

describe("Twilio inbound", () => {
  it("posts a signed form with WhatsApp fields and media that needs Basic auth", async () => {
    const res = await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, {
      json: { to: TWILIO_FROM, type: "image", media: { base64: Buffer.from("fake-jpeg").toString("base64"), mimeType: "image/jpeg", caption: "Mirá la pérdida" }, profileName: "Martina" },
    });
    expect(res.json.id).toMatch(/^MM[0-9a-f]{32}$/);
    const [hook] = await receiver.waitFor((r) => r.url === "/api/webhooks/twilio");
    const form = formOf(hook!.raw);
    expect(form).toMatchObject({ From: `whatsapp:+${CUSTOMER}`, To: TWILIO_FROM, WaId: CUSTOMER, ProfileName: "Martina", Body: "Mirá la pérdida", NumMedia: "1", MediaContentType0: "image/jpeg", SmsStatus: "received", MessageSid: res.json.id });
    const expected = createHmac("sha1", SECRETS.twilioAuthToken)
      .update(`${receiver.url}/api/webhooks/twilio` + Object.keys(form).sort().map((k) => k + form[k]).join(""))
      .digest("base64");
    expect(hook!.headers["x-twilio-signature"]).toBe(expected);
    const mediaPath = new URL(form.MediaUrl0!).pathname;
    expect((await sb.call("GET", mediaPath)).status).toBe(401);
    const media = await fetch(`${sb.url}${mediaPath}`, { headers: basic() });
    expect(media.status).toBe(200);
    expect(Buffer.from(await media.arrayBuffer()).toString()).toBe("fake-jpeg");
  });
});
