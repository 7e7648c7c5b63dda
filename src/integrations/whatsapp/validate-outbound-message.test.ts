import { describe, expect, it } from "vitest";
import type { OutboundContent } from "../../contracts/whatsapp";
import { AppError } from "../../lib/errors";
import { CLOUD_API_CAPABILITIES } from "../meta/create-cloud-api-provider";
import { TWILIO_CAPABILITIES } from "../twilio/create-twilio-provider";
import { assertValidOutboundMessage, validateOutboundMessage } from "./validate-outbound-message";

const meta = { provider: "META_DIRECT", capabilities: CLOUD_API_CAPABILITIES } as const;
const twilio = { provider: "TWILIO", capabilities: TWILIO_CAPABILITIES } as const;
const to = "5491155550123";
const fields = (content: OutboundContent, target: typeof meta | typeof twilio = meta) =>
  validateOutboundMessage({ to, content }, target).map((i) => i.field);
const x = (n: number) => "x".repeat(n);

describe("validateOutboundMessage: Meta's limits", () => {
  it("accepts messages exactly at the limits", () => {
    expect(fields({ type: "text", body: x(4096) })).toEqual([]);
    expect(
      fields({
        type: "buttons",
        body: x(1024),
        footer: x(60),
        header: { type: "text", text: x(60) },
        buttons: [1, 2, 3].map((i) => ({ id: `b${i}`, title: x(20) })),
      }),
    ).toEqual([]);
    expect(
      fields({
        type: "list",
        body: "Elegí",
        button: x(20),
        sections: [{ title: "A", rows: Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, title: x(24), description: x(72) })) }],
      }),
    ).toEqual([]);
  });

  it("counts characters, not UTF-16 units (emoji titles)", () => {
    expect(fields({ type: "buttons", body: "¿Confirmás?", buttons: [{ id: "ok", title: "👍".repeat(20) }] })).toEqual([]);
  });

  it("rejects text over 4096 and interactive bodies over 1024", () => {
    expect(fields({ type: "text", body: x(4097) })).toEqual(["content.body"]);
    expect(fields({ type: "buttons", body: x(1025), buttons: [{ id: "a", title: "A" }] })).toEqual(["content.body"]);
  });

  it("rejects a 4th button, long titles, long footers and headers, duplicate ids", () => {
    const buttons = [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: "Sí" }));
    expect(fields({ type: "buttons", body: "Hola", buttons })).toEqual(["content.buttons"]);
    expect(fields({ type: "buttons", body: "Hola", buttons: [{ id: "a", title: x(21) }] })).toEqual(["content.buttons.0.title"]);
    expect(fields({ type: "buttons", body: "Hola", footer: x(61), buttons: [{ id: "a", title: "A" }] })).toEqual(["content.footer"]);
    expect(fields({ type: "buttons", body: "Hola", header: { type: "text", text: x(61) }, buttons: [{ id: "a", title: "A" }] })).toEqual([
      "content.header.text",
    ]);
    expect(fields({ type: "buttons", body: "Hola", buttons: [{ id: "a", title: "A" }, { id: "a", title: "B" }] })).toEqual(["content.buttons"]);
  });

  it("rejects an 11th row, long row titles/descriptions/button, untitled sections when there are several", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Opción ${i}` }));
    expect(fields({ type: "list", body: "Elegí", button: "Ver", sections: [{ rows: rows(11) }] })).toEqual(["content.sections"]);
    expect(fields({ type: "list", body: "Elegí", button: "Ver", sections: [{ title: "A", rows: rows(6) }, { title: "B", rows: rows(5).map((r) => ({ ...r, id: `b${r.id}` })) }] })).toEqual([
      "content.sections",
    ]);
    expect(fields({ type: "list", body: "Elegí", button: x(21), sections: [{ rows: rows(1) }] })).toEqual(["content.button"]);
    expect(fields({ type: "list", body: "Elegí", button: "Ver", sections: [{ rows: [{ id: "a", title: x(25), description: x(73) }] }] })).toEqual([
      "content.sections.0.rows.0.title",
      "content.sections.0.rows.0.description",
    ]);
    expect(fields({ type: "list", body: "Elegí", button: "Ver", sections: [{ rows: rows(1) }, { title: "B", rows: [{ id: "z", title: "Z" }] }] })).toEqual([
      "content.sections.0.title",
    ]);
  });

  it("requires media by id xor link and no caption on audio or sticker", () => {
    expect(fields({ type: "media", kind: "image", id: "1", link: "https://x.test/a.jpg" })).toEqual(["content.id"]);
    expect(fields({ type: "media", kind: "image" })).toEqual(["content.id"]);
    expect(fields({ type: "media", kind: "audio", id: "1", caption: "escuchá" })).toEqual(["content.caption"]);
    expect(fields({ type: "media", kind: "sticker", id: "1", caption: "hola" })).toEqual(["content.caption"]);
    expect(fields({ type: "media", kind: "image", id: "1", filename: "a.jpg" })).toEqual(["content.filename"]);
    expect(fields({ type: "media", kind: "document", link: "https://x.test/f.pdf", caption: "Factura", filename: "f.pdf" })).toEqual([]);
  });

  it("rejects callback data over 512 bytes and malformed shapes", () => {
    expect(validateOutboundMessage({ to, content: { type: "text", body: "a" }, callbackData: "ñ".repeat(257) }, meta)[0]?.field).toBe("callbackData");
    expect(fields({ type: "location", latitude: 91, longitude: 0 })).toEqual(["content.latitude"]);
  });
});

describe("validateOutboundMessage: provider capabilities", () => {
  it("Twilio: buttons and lists need a Content template, reactions do not exist, media goes by link", () => {
    expect(fields({ type: "buttons", body: "Hola", buttons: [{ id: "a", title: "A" }] }, twilio)).toEqual(["content.type"]);
    expect(fields({ type: "list", body: "Hola", button: "Ver", sections: [{ rows: [{ id: "a", title: "A" }] }] }, twilio)).toEqual(["content.type"]);
    expect(fields({ type: "reaction", messageId: "SM1", emoji: "👍" }, twilio)).toEqual(["content.type"]);
    expect(fields({ type: "media", kind: "image", id: "123" }, twilio)).toEqual(["content.id"]);
    expect(fields({ type: "media", kind: "image", link: "https://x.test/a.jpg" }, twilio)).toEqual([]);
    expect(fields({ type: "location", latitude: -34.6, longitude: -58.4 }, twilio)).toEqual([]);
  });
});

describe("assertValidOutboundMessage", () => {
  it("throws one VALIDATION_FAILED AppError listing every field in es-AR", () => {
    let thrown: unknown;
    try {
      assertValidOutboundMessage({ to, content: { type: "buttons", body: "Hola", buttons: [{ id: "a", title: x(21) }] } }, twilio);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toMatchObject({
      "content.buttons.0.title": "El título del botón no puede superar 20 caracteres.",
      "content.type": expect.stringContaining("plantilla"),
    });
    expect(error.detail).toContain("TWILIO");
  });
});
