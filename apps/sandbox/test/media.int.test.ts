import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearer, CUSTOMER, D360, META, parseJson, type Receiver, type TestSandbox, useSandbox } from "./helpers.ts";

let receiver: Receiver;
let sb: TestSandbox;

useSandbox((s, r) => {
  sb = s;
  receiver = r;
});

function form(bytes: Buffer, mime: string, filename = "file.bin"): FormData {
  const fd = new FormData();
  fd.append("messaging_product", "whatsapp");
  fd.append("type", mime);
  fd.append("file", new Blob([bytes], { type: mime }), filename);
  return fd;
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

describe("Meta media", () => {
  it("uploads, then downloads in two steps only with the same Bearer token", async () => {
    const up = await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/media`, { headers: bearer(), body: form(PNG, "image/png", "foto.png") });
    expect(up.status).toBe(200);
    expect(up.json.id).toMatch(/^\d{16}$/);
    const recorded = (await sb.call("GET", "/_sandbox/requests?path=/media")).json[0];
    expect(recorded.body.fields).toMatchObject({ messaging_product: "whatsapp", type: "image/png" });
    expect(recorded.body.files).toEqual([{ field: "file", filename: "foto.png", mimeType: "image/png", size: PNG.length }]);
    expect(recorded.rawBodyEncoding).toBe("base64");

    const info = await sb.call("GET", `/meta/v24.0/${up.json.id}`, { headers: bearer() });
    expect(info.json).toEqual({
      messaging_product: "whatsapp",
      url: expect.stringMatching(/\/meta\/media-download\/[\w-]+\?mid=\d+&ext=png&hash=/),
      mime_type: "image/png",
      sha256: createHash("sha256").update(PNG).digest("hex"),
      file_size: PNG.length,
      id: up.json.id,
    });
    const withToken = await fetch(info.json.url, { headers: bearer() });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await withToken.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(info.json.url)).status).toBe(401);

    const other = await sb.call("POST", "/_sandbox/numbers", { json: { provider: "META_DIRECT", displayPhoneNumber: "541152638888", accessToken: "other-token" } });
    expect(other.status).toBe(201);
    expect((await fetch(info.json.url, { headers: bearer("other-token") })).status).toBe(401);
    expect((await sb.call("GET", `/meta/v24.0/${up.json.id}`, { headers: bearer("other-token") })).json.error.code).toBe(100);

    expect((await sb.call("DELETE", `/meta/v24.0/${up.json.id}`, { headers: bearer() })).json).toEqual({ success: true });
    expect((await sb.call("GET", `/meta/v24.0/${up.json.id}`, { headers: bearer() })).status).toBe(400);
  });

  it("enforces Meta's mime list and size caps", async () => {
    const gif = await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/media`, { headers: bearer(), body: form(PNG, "image/gif") });
    expect(gif.json.error.code).toBe(131053);
    expect(gif.json.error.error_data.details).toContain("image/gif");
    const bigSticker = await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/media`, { headers: bearer(), body: form(Buffer.alloc(500 * 1024 + 1), "image/webp") });
    expect(bigSticker.json.error.code).toBe(131053);
    const bigImage = await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/media`, { headers: bearer(), body: form(Buffer.alloc(5 * 1024 * 1024 + 1), "image/jpeg") });
    expect(bigImage.json.error.code).toBe(131053);
    const voice = await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/media`, { headers: bearer(), body: form(Buffer.from("OggS"), "audio/ogg; codecs=opus") });
    expect(voice.status).toBe(200);
  });

  it("stores media sent by a customer and serves it to the receiving number", async () => {
    const bytes = Buffer.from("%PDF-1.4 presupuesto");
    await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, {
      json: { type: "document", media: { base64: bytes.toString("base64"), mimeType: "application/pdf", filename: "presupuesto.pdf", caption: "Acá va" } },
    });
    const [hook] = await receiver.waitFor((r) => r.url === "/api/webhooks/whatsapp");
    const doc = parseJson(hook!).entry[0].changes[0].value.messages[0].document;
    expect(doc).toMatchObject({ mime_type: "application/pdf", filename: "presupuesto.pdf", caption: "Acá va", sha256: createHash("sha256").update(bytes).digest("hex") });
    const info = await sb.call("GET", `/meta/v24.0/${doc.id}`, { headers: bearer() });
    const download = await fetch(info.json.url, { headers: bearer() });
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("voice notes arrive as audio with voice:true", async () => {
    await sb.call("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { json: { type: "voice" } });
    const [hook] = await receiver.waitFor((r) => r.url === "/api/webhooks/whatsapp");
    const msg = parseJson(hook!).entry[0].changes[0].value.messages[0];
    expect(msg.type).toBe("audio");
    expect(msg.audio).toMatchObject({ voice: true, mime_type: "audio/ogg; codecs=opus" });
  });
});

describe("360dialog media", () => {
  it("uploads and downloads through the attachments URL with the D360 key only", async () => {
    const key = { "D360-API-KEY": D360.apiKey };
    const up = await sb.call("POST", "/d360/media", { headers: key, body: form(PNG, "image/png") });
    expect(up.status).toBe(200);
    const info = await sb.call("GET", `/d360/${up.json.id}`, { headers: key });
    expect(info.json.url).toMatch(/\/d360\/whatsapp_business\/attachments\/\?mid=\d+&ext=png&hash=/);
    const ok = await fetch(info.json.url, { headers: key });
    expect(Buffer.from(await ok.arrayBuffer()).equals(PNG)).toBe(true);
    const denied = await fetch(info.json.url);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ meta: { success: false, http_code: 401, developer_message: "Invalid api key" } });
    expect((await sb.call("DELETE", `/d360/${up.json.id}`, { headers: key })).json).toEqual({ success: true });
  });
});
