import { newTwilioSid } from "../ids.ts";
import { saveMedia } from "../media/store.ts";
import type { BusinessNumber, SandboxState } from "../state.ts";
import { storeCustomerMedia } from "./meta-inbound.ts";
import type { CustomerMessageInput } from "./schema.ts";

const MEDIA_TYPES = new Set(["image", "audio", "voice", "video", "document", "sticker"]);

/** A customer's message as Twilio posts it (form fields, reference §6). Returns undefined for types Twilio cannot carry. */
export function buildTwilioInbound(
  state: SandboxState,
  number: BusinessNumber,
  phone: string,
  input: CustomerMessageInput,
  contextId: string | undefined,
  sms: boolean,
): Record<string, string> | undefined {
  const hasMedia = MEDIA_TYPES.has(input.type) || input.type === "contacts";
  if (["reaction", "unsupported", "system"].includes(input.type)) return undefined;
  if (sms && input.type !== "text") return undefined;
  const sid = newTwilioSid(hasMedia ? "MM" : "SM");
  const prefix = sms ? "" : "whatsapp:";
  const fields: Record<string, string> = {
    SmsMessageSid: sid,
    NumMedia: "0",
    SmsSid: sid,
    SmsStatus: "received",
    Body: input.text ?? input.media?.caption ?? "",
    To: `${prefix}+${number.displayPhoneNumber}`,
    NumSegments: "1",
    MessageSid: sid,
    AccountSid: number.accountSid ?? "",
    From: `${prefix}+${phone}`,
    ApiVersion: "2010-04-01",
  };
  if (!sms) {
    fields.ProfileName = input.profileName ?? "Cliente Sandbox";
    fields.WaId = phone;
    fields.ReferralNumMedia = "0";
    fields.MessageType = messageType(input.type);
  }
  if (MEDIA_TYPES.has(input.type)) {
    const media = storeCustomerMedia(state, number, input);
    attachMedia(state, fields, media.id, media.mimeType);
  } else if (input.type === "contacts") {
    const vcard = "BEGIN:VCARD\nVERSION:3.0\nN:Pérez;Juan;;;\nFN:Juan Pérez\nTEL;type=CELL;waid=5491155550199:+54 9 11 5555-0199\nEND:VCARD\n";
    const media = saveMedia(state, number, Buffer.from(vcard), "text/vcard", "contacto.vcf");
    attachMedia(state, fields, media.id, media.mimeType);
  }
  if (input.type === "location") {
    const loc = input.location ?? { latitude: -34.6037, longitude: -58.3816 };
    fields.Latitude = String(loc.latitude);
    fields.Longitude = String(loc.longitude);
    if (loc.address) fields.Address = loc.address;
    if (loc.name) fields.Label = loc.name;
  }
  if (input.type === "button_reply" || input.type === "list_reply" || input.type === "button") {
    const reply = input.reply ?? { id: "sandbox-reply", title: input.text ?? "Sí" };
    fields.ButtonText = reply.title;
    fields.ButtonPayload = reply.id;
    fields.Body = reply.title;
    // List picker replies: field names as integrations report them [?].
    if (input.type === "list_reply") {
      fields.ListId = reply.id;
      fields.ListTitle = reply.title;
    }
  }
  if (contextId) fields.OriginalRepliedMessageSid = contextId;
  if (contextId) fields.OriginalRepliedMessageSender = `whatsapp:+${number.displayPhoneNumber}`;
  if (input.forwarded) fields.Forwarded = "true";
  if (input.referral) {
    for (const [k, v] of Object.entries(input.referral)) fields[`Referral${k.charAt(0).toUpperCase()}${k.slice(1)}`] = String(v);
  }
  return fields;
}

function attachMedia(state: SandboxState, fields: Record<string, string>, id: string, mime: string): void {
  fields.NumMedia = "1";
  fields.MediaContentType0 = mime;
  fields.MediaUrl0 = `${state.baseUrl}/twilio/media/${id}`;
}

function messageType(type: CustomerMessageInput["type"]): string {
  if (type === "voice") return "audio";
  if (type === "button_reply" || type === "list_reply") return "interactive";
  if (type === "contacts") return "contacts";
  return type;
}
