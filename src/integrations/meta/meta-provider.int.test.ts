import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { SANDBOX, startTestSandbox, startWebhookReceiver, type TestSandbox } from "../whatsapp/sandbox-harness";
import type { SendInput, WhatsAppBSPProvider } from "../whatsapp/types";
import { createMetaProvider } from "./create-meta-provider";
import { createMetaMessageTemplate } from "./create-message-template";
import { listMetaMessageTemplates } from "./list-message-templates";

// Every message type through META_DIRECT over real HTTP, checking the exact request the sandbox recorded.
const CUSTOMER = "5491155550123";
const MESSAGES_PATH = `/meta/v24.0/${SANDBOX.meta.phoneNumberId}/messages`;
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let meta: WhatsAppBSPProvider;
const config = () => ({ baseUrl: `${sandbox.url}/meta`, apiVersion: "v24.0" });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  // Webhooks (inbound messages, statuses) go to a local receiver, never to a web server that may not be running.
  receiver = await startWebhookReceiver();
  await sandbox.pointWebhooksAt(receiver.url);
  meta = createMetaProvider({ phoneNumberId: SANDBOX.meta.phoneNumberId, accessToken: SANDBOX.meta.accessToken }, config());
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});
beforeEach(async () => sandbox.reset());

const envelope = { messaging_product: "whatsapp", recipient_type: "individual", to: CUSTOMER };

async function sendAndCapture(input: SendInput) {
  const result = await meta.send(input);
  const request = await sandbox.lastRequest("meta", "/messages");
  return { result, request };
}

function expectAccepted(result: Awaited<ReturnType<WhatsAppBSPProvider["send"]>>, response: unknown): void {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (!result.ok) return;
  expect(result.providerMessageId).toMatch(/^wamid\./);
  expect(result.providerMessageId).toBe((response as { messages: [{ id: string }] }).messages[0].id);
  expect(result.recipientWaId).toBe(CUSTOMER);
}

describe("META_DIRECT send: exact requests", () => {
  it("text with reply context, link preview and callback data", async () => {
    const { result, request } = await sendAndCapture({
      to: CUSTOMER,
      content: { type: "text", body: "Hola Martina, ¿te viene bien el lunes? https://campotech.test/turno", previewUrl: true },
      replyToMessageId: "wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABIYIDNBQ0Y",
      callbackData: "job:4821",
    });
    expect(request.method).toBe("POST");
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.headers.authorization).toBe(`Bearer ${SANDBOX.meta.accessToken}`);
    expect(request.headers["content-type"]).toContain("application/json");
    expect(request.body).toEqual({
      ...envelope,
      type: "text",
      text: { body: "Hola Martina, ¿te viene bien el lunes? https://campotech.test/turno", preview_url: true },
      context: { message_id: "wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABIYIDNBQ0Y" },
      biz_opaque_callback_data: "job:4821",
    });
    expectAccepted(result, request.response.body);
  });

  it("the recipient's canonical wa_id comes back when sending without the Argentine 9", async () => {
    const { result, request } = await sendAndCapture({ to: "541155550123", content: { type: "text", body: "Hola" } });
    expect((request.body as { to: string }).to).toBe("541155550123");
    expect(result.ok && result.recipientWaId).toBe(CUSTOMER);
  });

  it("template with body parameters (job_scheduled, es_AR)", async () => {
    const { result, request } = await sendAndCapture({
      to: CUSTOMER,
      content: {
        type: "template",
        name: "job_scheduled",
        components: [{ type: "body", parameters: ["Martina", "lunes 3/8", "9:00", "Joaquín"].map((text) => ({ type: "text" as const, text })) }],
      },
    });
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.body).toEqual({
      ...envelope,
      type: "template",
      template: {
        name: "job_scheduled",
        language: { code: "es_AR" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Martina" },
              { type: "text", text: "lunes 3/8" },
              { type: "text", text: "9:00" },
              { type: "text", text: "Joaquín" },
            ],
          },
        ],
      },
    });
    expectAccepted(result, request.response.body);
  });

  it("template with a URL button parameter (otp_code)", async () => {
    const { result, request } = await sendAndCapture({
      to: CUSTOMER,
      content: {
        type: "template",
        name: "otp_code",
        language: "es_AR",
        components: [
          { type: "body", parameters: [{ type: "text", text: "482913" }] },
          { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "482913" }] },
        ],
      },
    });
    expect(request.body).toEqual({
      ...envelope,
      type: "template",
      template: {
        name: "otp_code",
        language: { code: "es_AR" },
        components: [
          { type: "body", parameters: [{ type: "text", text: "482913" }] },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "482913" }] },
        ],
      },
    });
    expectAccepted(result, request.response.body);
  });

  it("interactive reply buttons with header and footer", async () => {
    const { result, request } = await sendAndCapture({
      to: CUSTOMER,
      content: {
        type: "buttons",
        header: { type: "text", text: "Turno del lunes" },
        body: "¿Confirmás la visita a las 9:00?",
        footer: "CampoTech",
        buttons: [
          { id: "confirm", title: "Confirmo" },
          { id: "reschedule", title: "Cambiar horario" },
          { id: "cancel", title: "Cancelar" },
        ],
      },
    });
    expect(request.body).toEqual({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "button",
        header: { type: "text", text: "Turno del lunes" },
        body: { text: "¿Confirmás la visita a las 9:00?" },
        footer: { text: "CampoTech" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "confirm", title: "Confirmo" } },
            { type: "reply", reply: { id: "reschedule", title: "Cambiar horario" } },
            { type: "reply", reply: { id: "cancel", title: "Cancelar" } },
          ],
        },
      },
    });
    expectAccepted(result, request.response.body);
  });

  it("interactive list with sections", async () => {
    const { result, request } = await sendAndCapture({
      to: CUSTOMER,
      content: {
        type: "list",
        body: "Elegí un horario para la visita",
        button: "Ver horarios",
        footer: "Horarios de Buenos Aires",
        sections: [
          { title: "Lunes", rows: [{ id: "mon-9", title: "9:00", description: "Mañana" }, { id: "mon-14", title: "14:00" }] },
          { title: "Martes", rows: [{ id: "tue-10", title: "10:00" }] },
        ],
      },
    });
    expect(request.body).toEqual({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "Elegí un horario para la visita" },
        footer: { text: "Horarios de Buenos Aires" },
        action: {
          button: "Ver horarios",
          sections: [
            { title: "Lunes", rows: [{ id: "mon-9", title: "9:00", description: "Mañana" }, { id: "mon-14", title: "14:00" }] },
            { title: "Martes", rows: [{ id: "tue-10", title: "10:00" }] },
          ],
        },
      },
    });
    expectAccepted(result, request.response.body);
  });

  it("image by uploaded id, video/document by link, audio and sticker by id", async () => {
    const image = await meta.uploadMedia({ bytes: PNG, mimeType: "image/png", filename: "pérdida.png" });
    const audio = await meta.uploadMedia({ bytes: Uint8Array.from([0x4f, 0x67, 0x67, 0x53, 1, 2, 3]), mimeType: "audio/ogg" });
    const sticker = await meta.uploadMedia({ bytes: Uint8Array.from(Buffer.from("RIFF\0\0\0\0WEBPVP8 ")), mimeType: "image/webp" });
    if (!image.ok || !audio.ok || !sticker.ok) throw new Error(JSON.stringify({ image, audio, sticker }));

    const cases: Array<[SendInput["content"], Record<string, unknown>]> = [
      [{ type: "media", kind: "image", id: image.mediaId, caption: "Así quedó la instalación" }, { type: "image", image: { id: image.mediaId, caption: "Así quedó la instalación" } }],
      [{ type: "media", kind: "video", link: "https://cdn.campotech.test/v.mp4", caption: "Video" }, { type: "video", video: { link: "https://cdn.campotech.test/v.mp4", caption: "Video" } }],
      [{ type: "media", kind: "audio", id: audio.mediaId }, { type: "audio", audio: { id: audio.mediaId } }],
      [
        { type: "media", kind: "document", link: "https://cdn.campotech.test/presupuesto.pdf", caption: "Presupuesto", filename: "presupuesto.pdf" },
        { type: "document", document: { link: "https://cdn.campotech.test/presupuesto.pdf", caption: "Presupuesto", filename: "presupuesto.pdf" } },
      ],
      [{ type: "media", kind: "sticker", id: sticker.mediaId }, { type: "sticker", sticker: { id: sticker.mediaId } }],
    ];
    for (const [content, expected] of cases) {
      const { result, request } = await sendAndCapture({ to: CUSTOMER, content });
      expect(request.body).toEqual({ ...envelope, ...expected });
      expectAccepted(result, request.response.body);
    }
  });

  it("location", async () => {
    const { result, request } = await sendAndCapture({
      to: CUSTOMER,
      content: { type: "location", latitude: -34.603722, longitude: -58.381592, name: "Obelisco", address: "Av. Corrientes 1000, CABA" },
    });
    expect(request.body).toEqual({
      ...envelope,
      type: "location",
      location: { latitude: -34.603722, longitude: -58.381592, name: "Obelisco", address: "Av. Corrientes 1000, CABA" },
    });
    expectAccepted(result, request.response.body);
  });

  it("reaction, and its removal with an empty emoji", async () => {
    const sent = await meta.send({ to: CUSTOMER, content: { type: "text", body: "Listo" } });
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    for (const emoji of ["👍", ""]) {
      const { result, request } = await sendAndCapture({ to: CUSTOMER, content: { type: "reaction", messageId: sent.providerMessageId, emoji } });
      expect(request.body).toEqual({ ...envelope, type: "reaction", reaction: { message_id: sent.providerMessageId, emoji } });
      expect(result.ok).toBe(true);
    }
  });

  it("mark as read posts status=read to the messages endpoint", async () => {
    const inbound = (await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, {
      to: SANDBOX.meta.phoneNumberId,
      type: "text",
      text: "Hola, se me rompió el calefón",
    })) as { id: string };
    const result = await meta.markAsRead(inbound.id);
    const request = await sandbox.lastRequest("meta", "/messages");
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.headers.authorization).toBe(`Bearer ${SANDBOX.meta.accessToken}`);
    expect(request.body).toEqual({ messaging_product: "whatsapp", status: "read", message_id: inbound.id });
    expect(result).toEqual({ ok: true });
  });

  it("content over Meta's limits never reaches the provider", async () => {
    await sandbox.clearRequests();
    const fourButtons = [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `Opción ${i}` }));
    await expect(meta.send({ to: CUSTOMER, content: { type: "buttons", body: "Elegí", buttons: fourButtons } })).rejects.toThrow(AppError);
    await expect(meta.send({ to: CUSTOMER, content: { type: "media", kind: "audio", id: "1", caption: "no" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "content.caption": expect.any(String) },
    });
    expect(await sandbox.requests("meta")).toEqual([]);
  });
});

describe("META_DIRECT media", () => {
  it("uploads multipart and downloads in two steps with the token", async () => {
    const upload = await meta.uploadMedia({ bytes: PNG, mimeType: "image/png", filename: "foto.png" });
    if (!upload.ok) throw new Error(JSON.stringify(upload));
    const uploadRequest = await sandbox.lastRequest("meta", "/media");
    expect(uploadRequest.path).toBe(`/meta/v24.0/${SANDBOX.meta.phoneNumberId}/media`);
    expect(uploadRequest.headers.authorization).toBe(`Bearer ${SANDBOX.meta.accessToken}`);
    expect(uploadRequest.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const multipart = uploadRequest.body as { fields: Record<string, string>; files: Array<{ field: string; filename?: string; mimeType?: string }> };
    expect(multipart.fields).toMatchObject({ messaging_product: "whatsapp", type: "image/png" });
    expect(multipart.files[0]).toMatchObject({ field: "file", filename: "foto.png", mimeType: "image/png" });

    await sandbox.clearRequests();
    const download = await meta.downloadMedia(upload.mediaId);
    if (!download.ok) throw new Error(JSON.stringify(download));
    expect(Buffer.from(download.bytes).equals(Buffer.from(PNG))).toBe(true);
    expect(download.mimeType).toBe("image/png");
    expect(download.fileSize).toBe(PNG.byteLength);
    expect(download.sha256).toBeDefined();
    expect([createHash("sha256").update(PNG).digest("hex"), createHash("sha256").update(PNG).digest("base64")]).toContain(download.sha256);

    const [info, bytes] = await sandbox.requests("meta");
    expect(info?.method).toBe("GET");
    expect(info?.path).toBe(`/meta/v24.0/${upload.mediaId}`);
    expect(info?.headers.authorization).toBe(`Bearer ${SANDBOX.meta.accessToken}`);
    expect(bytes?.method).toBe("GET");
    expect(bytes?.path).toContain("/meta/media-download/");
    expect(bytes?.headers.authorization).toBe(`Bearer ${SANDBOX.meta.accessToken}`);
  });

  it("downloads media a simulated customer sent (id from the webhook)", async () => {
    const inbound = (await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, {
      to: SANDBOX.meta.phoneNumberId,
      type: "image",
      media: { base64: Buffer.from(PNG).toString("base64"), mimeType: "image/png", caption: "Mirá la pérdida" },
    })) as { id: string };
    const message = await sandbox.customerMessage(CUSTOMER, inbound.id);
    const image = message.image as { id: string; mime_type: string };
    const download = await meta.downloadMedia(image.id);
    if (!download.ok) throw new Error(JSON.stringify(download));
    expect(Buffer.from(download.bytes).equals(Buffer.from(PNG))).toBe(true);
    expect(download.mimeType).toBe(image.mime_type);
  });

  it("refuses to send the token to a URL outside the provider", async () => {
    const result = await meta.downloadMedia("https://attacker.example/steal");
    expect(result).toMatchObject({ ok: false, error: { code: "untrusted_media_url", action: "fail" } });
  });
});

describe("META_DIRECT health and templates", () => {
  it("is healthy with the right token and halts on a bad one (190)", async () => {
    const healthy = await meta.healthCheck();
    expect(healthy.healthy).toBe(true);
    expect(healthy.details).toMatchObject({ phoneNumberId: SANDBOX.meta.phoneNumberId, qualityRating: "GREEN" });
    const request = await sandbox.lastRequest("meta");
    expect(request.path).toBe(`/meta/v24.0/${SANDBOX.meta.phoneNumberId}`);

    const bad = createMetaProvider({ phoneNumberId: SANDBOX.meta.phoneNumberId, accessToken: "expired-token" }, config());
    const unhealthy = await bad.healthCheck();
    expect(unhealthy.healthy).toBe(false);
    expect(unhealthy.details.error).toMatchObject({ provider: "META_DIRECT", code: "190", action: "halt", httpStatus: 401 });
  });

  it("lists the WABA's templates and creates one", async () => {
    const account = { wabaId: SANDBOX.meta.wabaId, accessToken: SANDBOX.meta.accessToken };
    const list = await listMetaMessageTemplates(account, config());
    if (!list.ok) throw new Error(JSON.stringify(list));
    expect(list.templates.map((t) => t.name)).toEqual(
      expect.arrayContaining(["job_scheduled", "invoice_ready", "payment_confirmed", "payment_reminder", "welcome", "otp_code"]),
    );
    expect(list.templates.find((t) => t.name === "welcome")).toMatchObject({ language: "es_AR", status: "APPROVED" });

    const created = await createMetaMessageTemplate(
      account,
      { name: "visit_reminder", language: "es_AR", category: "UTILITY", components: [{ type: "BODY", text: "Hola {{1}}, mañana te visitamos.", example: { body_text: [["Ana"]] } }] },
      config(),
    );
    expect(created).toMatchObject({ ok: true, status: expect.stringMatching(/PENDING|APPROVED/) });
    const request = await sandbox.lastRequest("meta", "/message_templates");
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/meta/v24.0/${SANDBOX.meta.wabaId}/message_templates`);
    expect(request.body).toMatchObject({ name: "visit_reminder", language: "es_AR", category: "UTILITY" });
  });
});
