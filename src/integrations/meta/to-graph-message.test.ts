import { describe, expect, it } from "vitest";
import { toGraphMessage } from "./to-graph-message";

const base = { messaging_product: "whatsapp", recipient_type: "individual", to: "5491155550123" };

describe("toGraphMessage", () => {
  it("text with reply context, link preview and callback data", () => {
    expect(
      toGraphMessage({
        to: "+54 9 11 5555-0123",
        content: { type: "text", body: "Hola Martina", previewUrl: true },
        replyToMessageId: "wamid.IN1",
        callbackData: "job:42",
      }),
    ).toEqual({
      ...base,
      type: "text",
      text: { body: "Hola Martina", preview_url: true },
      context: { message_id: "wamid.IN1" },
      biz_opaque_callback_data: "job:42",
    });
  });

  it("template with header, body (text, currency, date) and url/quick-reply buttons, es_AR by default", () => {
    expect(
      toGraphMessage({
        to: "5491155550123",
        content: {
          type: "template",
          name: "invoice_ready",
          components: [
            { type: "header", parameters: [{ type: "document", media: { link: "https://x.test/f.pdf", filename: "factura.pdf" } }] },
            {
              type: "body",
              parameters: [
                { type: "text", text: "Joaquín", parameterName: "nombre" },
                { type: "currency", currency: { fallbackValue: "$15.000", code: "ARS", amount1000: 15_000_000 } },
                { type: "date_time", dateTime: { fallbackValue: "lunes 3" } },
              ],
            },
            { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "?id=4821" }] },
            { type: "button", subType: "quick_reply", index: 1, parameters: [{ type: "payload", payload: "PAGAR" }] },
          ],
        },
      }),
    ).toEqual({
      ...base,
      type: "template",
      template: {
        name: "invoice_ready",
        language: { code: "es_AR" },
        components: [
          { type: "header", parameters: [{ type: "document", document: { link: "https://x.test/f.pdf", filename: "factura.pdf" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Joaquín", parameter_name: "nombre" },
              { type: "currency", currency: { fallback_value: "$15.000", code: "ARS", amount_1000: 15_000_000 } },
              { type: "date_time", date_time: { fallback_value: "lunes 3" } },
            ],
          },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "?id=4821" }] },
          { type: "button", sub_type: "quick_reply", index: "1", parameters: [{ type: "payload", payload: "PAGAR" }] },
        ],
      },
    });
  });

  it("a template without parameters has no components key", () => {
    expect(toGraphMessage({ to: "5491155550123", content: { type: "template", name: "welcome", language: "es" } }).template).toEqual({
      name: "welcome",
      language: { code: "es" },
    });
  });

  it("reply buttons with image header and footer", () => {
    expect(
      toGraphMessage({
        to: "5491155550123",
        content: {
          type: "buttons",
          body: "¿Confirmás el turno?",
          header: { type: "image", media: { id: "777" } },
          footer: "CampoTech",
          buttons: [{ id: "yes", title: "Sí" }, { id: "no", title: "No" }],
        },
      }).interactive,
    ).toEqual({
      type: "button",
      header: { type: "image", image: { id: "777" } },
      body: { text: "¿Confirmás el turno?" },
      footer: { text: "CampoTech" },
      action: { buttons: [{ type: "reply", reply: { id: "yes", title: "Sí" } }, { type: "reply", reply: { id: "no", title: "No" } }] },
    });
  });

  it("list with sections", () => {
    const message = toGraphMessage({
      to: "5491155550123",
      content: {
        type: "list",
        header: { type: "text", text: "Turnos" },
        body: "Elegí un horario",
        button: "Ver horarios",
        sections: [{ title: "Lunes", rows: [{ id: "mon-9", title: "9:00", description: "Mañana" }, { id: "mon-14", title: "14:00" }] }],
      },
    });
    expect(message.type).toBe("interactive");
    expect(message.interactive).toEqual({
      type: "list",
      header: { type: "text", text: "Turnos" },
      body: { text: "Elegí un horario" },
      action: {
        button: "Ver horarios",
        sections: [{ title: "Lunes", rows: [{ id: "mon-9", title: "9:00", description: "Mañana" }, { id: "mon-14", title: "14:00" }] }],
      },
    });
  });

  it("media by id and by link, location, reaction and reaction removal", () => {
    expect(toGraphMessage({ to: "5491155550123", content: { type: "media", kind: "audio", id: "55" } })).toMatchObject({ type: "audio", audio: { id: "55" } });
    expect(
      toGraphMessage({ to: "5491155550123", content: { type: "media", kind: "document", link: "https://x.test/p.pdf", caption: "Presupuesto", filename: "p.pdf" } }),
    ).toMatchObject({ type: "document", document: { link: "https://x.test/p.pdf", caption: "Presupuesto", filename: "p.pdf" } });
    expect(
      toGraphMessage({ to: "5491155550123", content: { type: "location", latitude: -34.6037, longitude: -58.3816, name: "Obelisco", address: "Av. 9 de Julio" } }),
    ).toMatchObject({ type: "location", location: { latitude: -34.6037, longitude: -58.3816, name: "Obelisco", address: "Av. 9 de Julio" } });
    expect(toGraphMessage({ to: "5491155550123", content: { type: "reaction", messageId: "wamid.X", emoji: "" } })).toMatchObject({
      type: "reaction",
      reaction: { message_id: "wamid.X", emoji: "" },
    });
  });
});
