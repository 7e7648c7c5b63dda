import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { SANDBOX, startTestSandbox, startWebhookReceiver, type TestSandbox } from "../whatsapp/sandbox-harness";
import type { SendInput } from "../whatsapp/types";
import { createTwilioProvider, type TwilioProvider } from "./create-twilio-provider";
import { sendTwilioSms } from "./send-twilio-sms";

// TWILIO over the Messages API against the sandbox: form bodies, Basic auth, whatsapp: addresses, ContentSid templates,
// and the typed validation errors for what Twilio cannot send.
const CUSTOMER = "5491155550123";
const ACCOUNT = { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN };
const BASIC = `Basic ${Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString("base64")}`;
const MESSAGES_PATH = `/twilio/2010-04-01/Accounts/${ACCOUNT.accountSid}/Messages.json`;
const ADDRESSES = { From: `whatsapp:+${SANDBOX.twilio.from}`, To: `whatsapp:+${CUSTOMER}` };
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let twilio: TwilioProvider;
const config = () => ({ baseUrl: `${sandbox.url}/twilio` });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startWebhookReceiver();
  await sandbox.pointWebhooksAt(receiver.url);
  twilio = createTwilioProvider({ ...ACCOUNT, from: SANDBOX.twilio.from, statusCallbackUrl: `${receiver.url}/status?orgId=org_1` }, config());
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});
beforeEach(async () => {
  await sandbox.reset();
  receiver.received.length = 0;
  // The customer wrote first, so free-form messages are inside the 24 h window.
  await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { provider: "TWILIO", type: "text", text: "Hola, necesito un gasista" });
  await sandbox.clearRequests();
});

async function sendAndCapture(input: SendInput) {
  const result = await twilio.send(input);
  const request = await sandbox.lastRequest("twilio", "/Messages.json");
  expect(request.method).toBe("POST");
  expect(request.path).toBe(MESSAGES_PATH);
  expect(request.headers.authorization).toBe(BASIC);
  expect(request.headers["content-type"]).toContain("application/x-www-form-urlencoded");
  expect(result, JSON.stringify(request.response)).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/), recipientWaId: CUSTOMER });
  if (result.ok) expect(result.providerMessageId).toBe((request.response.body as { sid: string }).sid);
  return request;
}

describe("TWILIO send: exact requests", () => {
  it("text (callbackData rides on the StatusCallback URL and comes back with the status)", async () => {
    const request = await sendAndCapture({ to: CUSTOMER, content: { type: "text", body: "Hola Martina, mañana a las 9 pasa Joaquín." }, callbackData: "job:4821" });
    const statusCallback = `${receiver.url}/status?orgId=org_1&callbackData=job%3A4821`;
    expect(request.body).toEqual({ ...ADDRESSES, Body: "Hola Martina, mañana a las 9 pasa Joaquín.", StatusCallback: statusCallback });
    const hook = await receiver.waitFor((h) => h.path.startsWith("/status"));
    expect(hook.path).toBe("/status?orgId=org_1&callbackData=job%3A4821");
    expect(hook.headers["x-twilio-signature"]).toBeTruthy();
  });

  it("media by public link with caption", async () => {
    const request = await sendAndCapture({ to: CUSTOMER, content: { type: "media", kind: "image", link: "https://cdn.campotech.test/antes.jpg", caption: "Antes del arreglo" } });
    expect(request.body).toMatchObject({ ...ADDRESSES, Body: "Antes del arreglo", MediaUrl: "https://cdn.campotech.test/antes.jpg" });
  });

  it("document by link (no filename on Twilio)", async () => {
    const request = await sendAndCapture({ to: CUSTOMER, content: { type: "media", kind: "document", link: "https://cdn.campotech.test/factura.pdf", filename: "factura.pdf" } });
    expect(request.body).toMatchObject({ ...ADDRESSES, MediaUrl: "https://cdn.campotech.test/factura.pdf" });
    expect(request.body).not.toHaveProperty("Body");
  });

  it("template by the sandbox's ContentSid with numbered ContentVariables", async () => {
    const request = await sendAndCapture({
      to: CUSTOMER,
      content: {
        type: "template",
        name: "job_scheduled",
        components: [{ type: "body", parameters: ["Martina", "lunes 3/8", "9:00", "Joaquín"].map((text) => ({ type: "text" as const, text })) }],
      },
    });
    expect(request.body).toMatchObject({
      ...ADDRESSES,
      ContentSid: "HXca110000000000000000000000000001",
      ContentVariables: JSON.stringify({ "1": "Martina", "2": "lunes 3/8", "3": "9:00", "4": "Joaquín" }),
    });
    // Twilio renders the Content template into the Message resource's body.
    expect((request.response.body as { body: string }).body).toBe("Hola Martina, tu turno quedó agendado para el lunes 3/8 a las 9:00. Técnico: Joaquín.");
  });

  it("an account's own ContentSid map wins over the defaults; otp_code numbers the button after the body", async () => {
    const custom = createTwilioProvider(
      { ...ACCOUNT, from: SANDBOX.twilio.from, contentSids: { "welcome.es_AR": "HXca110000000000000000000000000005" } },
      config(),
    );
    await custom.send({ to: CUSTOMER, content: { type: "template", name: "welcome", components: [{ type: "body", parameters: [{ type: "text", text: "Martina" }] }] } });
    expect((await sandbox.lastRequest("twilio", "/Messages.json")).body).toMatchObject({ ContentSid: "HXca110000000000000000000000000005" });

    const request = await sendAndCapture({
      to: CUSTOMER,
      content: {
        type: "template",
        name: "otp_code",
        components: [
          { type: "body", parameters: [{ type: "text", text: "482913" }] },
          { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "482913" }] },
        ],
      },
    });
    expect(request.body).toMatchObject({ ContentSid: "HXca110000000000000000000000000006", ContentVariables: '{"1":"482913","2":"482913"}' });
  });

  it("location as Body + PersistentAction geo:", async () => {
    const request = await sendAndCapture({ to: CUSTOMER, content: { type: "location", latitude: -34.603722, longitude: -58.381592, name: "Obelisco", address: "Av. Corrientes 1000" } });
    expect(request.body).toEqual({ ...ADDRESSES, Body: "Obelisco\nAv. Corrientes 1000", PersistentAction: "geo:-34.603722,-58.381592|Obelisco", StatusCallback: `${receiver.url}/status?orgId=org_1` });
  });

  it("buttons, lists, reactions and media by id are typed validation errors and never reach Twilio", async () => {
    const unsupported: SendInput["content"][] = [
      { type: "buttons", body: "¿Confirmás?", buttons: [{ id: "yes", title: "Sí" }] },
      { type: "list", body: "Elegí", button: "Ver", sections: [{ rows: [{ id: "a", title: "A" }] }] },
      { type: "reaction", messageId: "SM0123", emoji: "👍" },
      { type: "media", kind: "image", id: "123456" },
    ];
    for (const content of unsupported) {
      const error = await twilio.send({ to: CUSTOMER, content }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "VALIDATION_FAILED", fields: { [content.type === "media" ? "content.id" : "content.type"]: expect.stringContaining("Twilio") } });
    }
    await expect(twilio.send({ to: CUSTOMER, content: { type: "template", name: "not_in_twilio" } })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(twilio.uploadMedia({ bytes: JPEG, mimeType: "image/jpeg" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await twilio.markAsRead("SM0123")).toEqual({ ok: true, skipped: expect.stringContaining("no read receipts") });
    expect(await sandbox.requests("twilio")).toEqual([]);
  });
});

describe("TWILIO media, SMS and health", () => {
  it("downloads a customer's media by MediaUrl with Basic auth", async () => {
    const inbound = (await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, {
      provider: "TWILIO",
      type: "image",
      media: { base64: Buffer.from(JPEG).toString("base64"), mimeType: "image/jpeg", caption: "La caldera" },
    })) as { id: string };
    const fields = await sandbox.customerMessage(CUSTOMER, inbound.id);
    const mediaUrl = fields.MediaUrl0 as string;
    expect(mediaUrl.startsWith(sandbox.url)).toBe(true);
    const download = await twilio.downloadMedia(mediaUrl);
    if (!download.ok) throw new Error(JSON.stringify(download));
    expect(Buffer.from(download.bytes).equals(Buffer.from(JPEG))).toBe(true);
    expect(download).toMatchObject({ mimeType: "image/jpeg", fileSize: JPEG.byteLength });
    expect((await sandbox.lastRequest("twilio", "/media/")).headers.authorization).toBe(BASIC);
    expect(await twilio.downloadMedia("https://evil.example/media/1")).toMatchObject({ ok: false, error: { code: "untrusted_media_url" } });
  });

  it("sends plain SMS without the whatsapp: prefix (provider and standalone)", async () => {
    const viaProvider = await twilio.sendSms({ to: "+5491155550123", body: "Tu código de CampoTech es 482913" });
    expect(viaProvider).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^SM/) });
    expect((await sandbox.lastRequest("twilio", "/Messages.json")).body).toEqual({ From: `+${SANDBOX.twilio.from}`, To: "+5491155550123", Body: "Tu código de CampoTech es 482913" });

    const standalone = await sendTwilioSms({ to: "5493515550177", body: "Hola", from: SANDBOX.twilio.from }, undefined, config());
    expect(standalone.ok).toBe(true);
    const request = await sandbox.lastRequest("twilio", "/Messages.json");
    expect(request.headers.authorization).toBe(BASIC);
    expect(request.body).toEqual({ From: `+${SANDBOX.twilio.from}`, To: "+5493515550177", Body: "Hola" });
  });

  it("healthy with the account's token; a wrong token is 20003 → halt", async () => {
    expect(await twilio.healthCheck()).toMatchObject({ healthy: true, details: { accountStatus: "active" } });
    expect((await sandbox.lastRequest("twilio")).path).toBe(`/twilio/2010-04-01/Accounts/${ACCOUNT.accountSid}.json`);
    const bad = await createTwilioProvider({ ...ACCOUNT, authToken: "wrong", from: SANDBOX.twilio.from }, config()).healthCheck();
    expect(bad.healthy).toBe(false);
    expect(bad.details.error).toMatchObject({ provider: "TWILIO", code: "20003", action: "halt", httpStatus: 401 });
  });
});
