import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { toGraphMessage } from "../meta/to-graph-message";
import { SANDBOX, startTestSandbox, startWebhookReceiver, type TestSandbox } from "../whatsapp/sandbox-harness";
import type { SendInput, WhatsAppBSPProvider } from "../whatsapp/types";
import { createDialog360Provider } from "./create-dialog360-provider";
import { createDialog360Template } from "./create-dialog360-template";
import { listDialog360Templates } from "./list-dialog360-templates";
import { setDialog360Webhook } from "./set-dialog360-webhook";

// DIALOG_360 sends Meta's JSON (the Meta tests pin that JSON field by field); here every message type goes to
// {base}/messages with the D360-API-KEY header and exactly the Cloud API body.
const CUSTOMER = "5491155550123";
const PDF = Uint8Array.from(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let d360: WhatsAppBSPProvider;
const config = () => ({ baseUrl: `${sandbox.url}/d360` });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startWebhookReceiver();
  await sandbox.pointWebhooksAt(receiver.url);
  d360 = createDialog360Provider({ apiKey: SANDBOX.dialog360.apiKey }, config());
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});
beforeEach(async () => sandbox.reset());

describe("DIALOG_360 send: exact requests", () => {
  it("every message type goes to /d360/messages with the key and Meta's body", async () => {
    const upload = await d360.uploadMedia({ bytes: PDF, mimeType: "application/pdf", filename: "presupuesto.pdf" });
    if (!upload.ok) throw new Error(JSON.stringify(upload));
    const first = await d360.send({ to: CUSTOMER, content: { type: "text", body: "Hola" } });
    if (!first.ok) throw new Error(JSON.stringify(first));

    const inputs: SendInput[] = [
      { to: CUSTOMER, content: { type: "text", body: "Tu técnico llega en 20 minutos", previewUrl: false }, replyToMessageId: first.providerMessageId, callbackData: "job:7" },
      {
        to: CUSTOMER,
        content: {
          type: "template",
          name: "invoice_ready",
          components: [{ type: "body", parameters: ["Martina", "$ 45.000", "https://campotech.test/f/1"].map((text) => ({ type: "text" as const, text })) }],
        },
      },
      { to: CUSTOMER, content: { type: "template", name: "payment_confirmed", components: [{ type: "body", parameters: [{ type: "text", text: "Martina" }, { type: "text", text: "$ 45.000" }] }] } },
      { to: CUSTOMER, content: { type: "buttons", body: "¿Confirmás?", buttons: [{ id: "yes", title: "Sí" }, { id: "no", title: "No" }] } },
      { to: CUSTOMER, content: { type: "list", body: "Elegí", button: "Ver opciones", sections: [{ rows: [{ id: "a", title: "Plomería" }, { id: "b", title: "Gas", description: "Matriculado" }] }] } },
      { to: CUSTOMER, content: { type: "media", kind: "document", id: upload.mediaId, caption: "Presupuesto", filename: "presupuesto.pdf" } },
      { to: CUSTOMER, content: { type: "media", kind: "image", link: "https://cdn.campotech.test/foto.jpg" } },
      { to: CUSTOMER, content: { type: "media", kind: "audio", link: "https://cdn.campotech.test/nota.ogg" } },
      { to: CUSTOMER, content: { type: "media", kind: "video", link: "https://cdn.campotech.test/v.mp4", caption: "Así se arregla" } },
      { to: CUSTOMER, content: { type: "media", kind: "sticker", link: "https://cdn.campotech.test/s.webp" } },
      { to: CUSTOMER, content: { type: "location", latitude: -31.4201, longitude: -64.1888, name: "Córdoba" } },
      { to: CUSTOMER, content: { type: "reaction", messageId: first.providerMessageId, emoji: "🔧" } },
    ];
    for (const input of inputs) {
      const result = await d360.send(input);
      const request = await sandbox.lastRequest("dialog360", "/messages");
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/d360/messages");
      expect(request.headers["d360-api-key"]).toBe(SANDBOX.dialog360.apiKey);
      expect(request.headers.authorization).toBeUndefined();
      expect(request.body).toEqual(toGraphMessage(input));
      expect(result, JSON.stringify(request.response)).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^wamid\./), recipientWaId: CUSTOMER });
    }
    // Spot-check the shape independently of the shared mapper.
    const lastText = (await sandbox.requests("dialog360", "/messages"))[1];
    expect(lastText?.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: CUSTOMER,
      type: "text",
      text: { body: "Tu técnico llega en 20 minutos", preview_url: false },
      context: { message_id: first.providerMessageId },
      biz_opaque_callback_data: "job:7",
    });
  });

  it("mark as read", async () => {
    const inbound = (await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { to: SANDBOX.dialog360.phoneNumberId, type: "text", text: "Hola" })) as { id: string };
    expect(await d360.markAsRead(inbound.id)).toEqual({ ok: true });
    const request = await sandbox.lastRequest("dialog360", "/messages");
    expect(request.headers["d360-api-key"]).toBe(SANDBOX.dialog360.apiKey);
    expect(request.body).toEqual({ messaging_product: "whatsapp", status: "read", message_id: inbound.id });
  });

  it("validates before sending", async () => {
    await sandbox.clearRequests();
    await expect(d360.send({ to: CUSTOMER, content: { type: "list", body: "x", button: "Un botón demasiado largo", sections: [{ rows: [{ id: "a", title: "A" }] }] } })).rejects.toBeInstanceOf(AppError);
    expect(await sandbox.requests("dialog360")).toEqual([]);
  });
});

describe("DIALOG_360 media", () => {
  it("uploads to /media and downloads via /{id} then /whatsapp_business/attachments with the key", async () => {
    const upload = await d360.uploadMedia({ bytes: PDF, mimeType: "application/pdf", filename: "presupuesto.pdf" });
    if (!upload.ok) throw new Error(JSON.stringify(upload));
    const uploadRequest = await sandbox.lastRequest("dialog360", "/media");
    expect(uploadRequest.path).toBe("/d360/media");
    expect(uploadRequest.headers["d360-api-key"]).toBe(SANDBOX.dialog360.apiKey);
    expect(uploadRequest.body).toMatchObject({ fields: { messaging_product: "whatsapp", type: "application/pdf" } });

    await sandbox.clearRequests();
    const download = await d360.downloadMedia(upload.mediaId);
    if (!download.ok) throw new Error(JSON.stringify(download));
    expect(Buffer.from(download.bytes).toString("utf8")).toBe(Buffer.from(PDF).toString("utf8"));
    expect(download).toMatchObject({ mimeType: "application/pdf", fileSize: PDF.byteLength });
    const [info, bytes] = await sandbox.requests("dialog360");
    expect(info?.path).toBe(`/d360/${upload.mediaId}`);
    expect(bytes?.path).toMatch(/^\/d360\/whatsapp_business\/attachments\/?$/);
    expect(bytes?.query.mid).toBe(upload.mediaId);
    expect(bytes?.headers["d360-api-key"]).toBe(SANDBOX.dialog360.apiKey);
  });
});

describe("DIALOG_360 health, webhook and templates", () => {
  it("healthy with the key; a wrong key is 360dialog's 401 → halt", async () => {
    const healthy = await d360.healthCheck();
    expect(healthy).toMatchObject({ healthy: true, details: { canSendMessage: "AVAILABLE" } });
    expect((await sandbox.lastRequest("dialog360")).path).toBe("/d360/health_status");

    const bad = await createDialog360Provider({ apiKey: "revoked-key" }, config()).healthCheck();
    expect(bad.healthy).toBe(false);
    expect(bad.details.error).toMatchObject({ provider: "DIALOG_360", code: "http_401", action: "halt", httpStatus: 401, details: "Invalid api key" });
  });

  it("sets the number's webhook with custom headers, and 360dialog then delivers there", async () => {
    const result = await setDialog360Webhook(
      { apiKey: SANDBOX.dialog360.apiKey },
      { url: `${receiver.url}/repointed?orgId=org_1`, headers: { "x-campotech-secret": "s3cret" } },
      config(),
    );
    expect(result).toEqual({ ok: true });
    const request = await sandbox.lastRequest("dialog360", "/v1/configs/webhook");
    expect(request.path).toBe("/d360/v1/configs/webhook");
    expect(request.body).toEqual({ url: `${receiver.url}/repointed?orgId=org_1`, headers: { "x-campotech-secret": "s3cret" } });

    await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { to: SANDBOX.dialog360.phoneNumberId, type: "text", text: "¿Hay turno?" });
    const hook = await receiver.waitFor((h) => h.path === "/repointed?orgId=org_1");
    expect(hook.headers["x-campotech-secret"]).toBe("s3cret");
    expect(JSON.stringify(JSON.parse(hook.body))).toContain("¿Hay turno?");
  });

  it("lists and creates templates", async () => {
    const list = await listDialog360Templates({ apiKey: SANDBOX.dialog360.apiKey }, config());
    if (!list.ok) throw new Error(JSON.stringify(list));
    expect(list.templates.map((t) => t.name)).toEqual(expect.arrayContaining(["job_scheduled", "otp_code"]));
    const created = await createDialog360Template(
      { apiKey: SANDBOX.dialog360.apiKey },
      { name: "visit_done", language: "es_AR", category: "UTILITY", components: [{ type: "BODY", text: "Terminamos el trabajo, {{1}}.", example: { body_text: [["Ana"]] } }] },
      config(),
    );
    expect(created).toMatchObject({ ok: true, id: expect.any(String) });
    expect((await sandbox.lastRequest("dialog360", "/v1/configs/templates")).method).toBe("POST");
  });
});
