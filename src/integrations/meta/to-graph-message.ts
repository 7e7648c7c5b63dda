import type { InteractiveHeader, OutboundContent, TemplateParameter } from "../../contracts/whatsapp";
import type { SendInput } from "../whatsapp/types";

type Json = Record<string, unknown>;

// Our content → the Cloud API message body (reference/WHATSAPP.md §2). Shared by META_DIRECT and DIALOG_360,
// whose /messages endpoint takes exactly the same JSON.
export function toGraphMessage(input: SendInput): Json {
  const message: Json = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    // The wa_id exactly as Meta reported it (digits only; see toCloudApiRecipient for Argentine numbers).
    to: input.to.replace(/\D/g, ""),
    ...contentFields(input.content),
  };
  if (input.replyToMessageId) message.context = { message_id: input.replyToMessageId };
  if (input.callbackData !== undefined) message.biz_opaque_callback_data = input.callbackData;
  return message;
}

function contentFields(content: OutboundContent): Json {
  switch (content.type) {
    case "text":
      return { type: "text", text: { body: content.body, preview_url: content.previewUrl ?? false } };
    case "template":
      return {
        type: "template",
        template: {
          name: content.name,
          language: { code: content.language ?? "es_AR" },
          ...(content.components?.length
            ? {
                components: content.components.map((c) =>
                  c.type === "button"
                    ? { type: "button", sub_type: c.subType, index: String(c.index), parameters: c.parameters.map(toGraphParameter) }
                    : { type: c.type, parameters: c.parameters.map(toGraphParameter) },
                ),
              }
            : {}),
        },
      };
    case "buttons":
      return {
        type: "interactive",
        interactive: {
          type: "button",
          ...(content.header ? { header: toGraphHeader(content.header) } : {}),
          body: { text: content.body },
          ...(content.footer ? { footer: { text: content.footer } } : {}),
          action: { buttons: content.buttons.map((b) => ({ type: "reply", reply: { id: b.id, title: b.title } })) },
        },
      };
    case "list":
      return {
        type: "interactive",
        interactive: {
          type: "list",
          ...(content.header ? { header: { type: "text", text: content.header.text } } : {}),
          body: { text: content.body },
          ...(content.footer ? { footer: { text: content.footer } } : {}),
          action: {
            button: content.button,
            sections: content.sections.map((s) => ({
              ...(s.title ? { title: s.title } : {}),
              rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })),
            })),
          },
        },
      };
    case "media":
      return {
        type: content.kind,
        [content.kind]: {
          ...mediaRef(content),
          ...(content.caption !== undefined ? { caption: content.caption } : {}),
          ...(content.filename !== undefined ? { filename: content.filename } : {}),
        },
      };
    case "location":
      return {
        type: "location",
        location: {
          latitude: content.latitude,
          longitude: content.longitude,
          ...(content.name ? { name: content.name } : {}),
          ...(content.address ? { address: content.address } : {}),
        },
      };
    case "reaction":
      return { type: "reaction", reaction: { message_id: content.messageId, emoji: content.emoji } };
  }
}

function toGraphParameter(p: TemplateParameter): Json {
  const named = "parameterName" in p && p.parameterName ? { parameter_name: p.parameterName } : {};
  switch (p.type) {
    case "text":
      return { type: "text", text: p.text, ...named };
    case "currency":
      return {
        type: "currency",
        currency: { fallback_value: p.currency.fallbackValue, code: p.currency.code, amount_1000: p.currency.amount1000 },
        ...named,
      };
    case "date_time":
      return { type: "date_time", date_time: { fallback_value: p.dateTime.fallbackValue }, ...named };
    case "payload":
      return { type: "payload", payload: p.payload };
    case "image":
    case "video":
    case "document":
      return { type: p.type, [p.type]: { ...mediaRef(p.media), ...(p.media.filename ? { filename: p.media.filename } : {}) } };
  }
}

function toGraphHeader(header: InteractiveHeader): Json {
  if (header.type === "text") return { type: "text", text: header.text };
  return {
    type: header.type,
    [header.type]: { ...mediaRef(header.media), ...(header.media.filename ? { filename: header.media.filename } : {}) },
  };
}

function mediaRef(media: { id?: string | undefined; link?: string | undefined }): Json {
  return media.id !== undefined ? { id: media.id } : { link: media.link };
}
