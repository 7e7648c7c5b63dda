import type { TemplateContent, TemplateParameter } from "../../contracts/whatsapp";
import { AppError } from "../../lib/errors";
import type { SendInput } from "../whatsapp/types";
import { toWhatsAppAddress } from "./resolve-twilio-config";
import { resolveContentSid } from "./resolve-content-sid";

export type TwilioSender = {
  from: string;
  contentSids?: Record<string, string>;
  statusCallbackUrl?: string;
};

// Our content → the Messages API form (application/x-www-form-urlencoded). Only types Twilio can carry reach
// this function: validateOutboundMessage rejects the others (buttons, lists, reactions, media by id) first.
export function toTwilioMessage(input: SendInput, sender: TwilioSender): URLSearchParams {
  const form = new URLSearchParams();
  form.set("From", toWhatsAppAddress(sender.from));
  form.set("To", toWhatsAppAddress(input.to));
  const { content } = input;
  switch (content.type) {
    case "text":
      form.set("Body", content.body);
      break;
    case "media":
      // Twilio fetches the file itself, so only public links work; documents take no filename.
      if (content.caption) form.set("Body", content.caption);
      form.set("MediaUrl", content.link ?? "");
      break;
    case "location": {
      // Twilio's WhatsApp location: a Body plus PersistentAction "geo:<lat>,<long>|<label>".
      const label = content.name ?? content.address ?? "";
      form.set("Body", [content.name, content.address].filter(Boolean).join("\n") || "Ubicación");
      form.set("PersistentAction", `geo:${content.latitude},${content.longitude}${label ? `|${label}` : ""}`);
      break;
    }
    case "template": {
      form.set("ContentSid", resolveContentSid(content, sender.contentSids));
      const variables = toContentVariables(content);
      if (Object.keys(variables).length > 0) form.set("ContentVariables", JSON.stringify(variables));
      break;
    }
    default:
      throw new AppError("VALIDATION_FAILED", { detail: `TWILIO cannot send ${content.type}` });
  }
  if (sender.statusCallbackUrl) {
    // Twilio has no biz_opaque_callback_data: carrying it on the callback URL gets it back with every status.
    const url = new URL(sender.statusCallbackUrl);
    if (input.callbackData !== undefined) url.searchParams.set("callbackData", input.callbackData);
    form.set("StatusCallback", url.toString());
  }
  return form;
}

// Content API variables are numbered across the whole template ("1", "2", …) in Meta's component order
// (header, body, buttons); a named Meta parameter keeps its name.
export function toContentVariables(template: TemplateContent): Record<string, string> {
  const variables: Record<string, string> = {};
  let n = 0;
  const order = { header: 0, body: 1, button: 2 } as const;
  const components = [...(template.components ?? [])].sort((a, b) => order[a.type] - order[b.type]);
  for (const component of components) {
    for (const parameter of component.parameters) {
      n += 1;
      const name = "parameterName" in parameter && parameter.parameterName ? parameter.parameterName : String(n);
      variables[name] = parameterValue(parameter);
    }
  }
  return variables;
}

function parameterValue(p: TemplateParameter): string {
  switch (p.type) {
    case "text":
      return p.text;
    case "currency":
      return p.currency.fallbackValue;
    case "date_time":
      return p.dateTime.fallbackValue;
    case "payload":
      return p.payload;
    case "image":
    case "video":
    case "document":
      return p.media.link ?? p.media.id ?? "";
  }
}
