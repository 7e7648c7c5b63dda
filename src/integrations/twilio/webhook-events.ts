import type {
  InboundChange,
  InboundDelivery,
  InboundMessage,
  InboundMessageType,
  InboundStatus,
  InboundStatusValue,
} from "../whatsapp/inbound-events";

// Twilio form posts → our inbound events (reference/WHATSAPP.md §6). Twilio carries no event timestamp, so the time
// we received the post stands in for it. Twilio warns its parameters change without notice: unknown fields are
// ignored, and the type is inferred from the fields present when MessageType is missing.

type Params = Record<string, string | string[]>;

export function parseTwilioWebhook(kind: "message" | "status", params: Params, receivedAt: Date): InboundDelivery {
  const change = kind === "message" ? messageChange(params, receivedAt) : statusChange(params, receivedAt);
  return { provider: "TWILIO", changes: change ? [change] : [], ignoredFields: [], templateStatusUpdates: [] };
}

// "whatsapp:+5491155550123" → "5491155550123" (SMS posts carry no prefix).
export function twilioAddressDigits(address: string | undefined): string | undefined {
  const digits = address?.replace(/^[a-z]+:/i, "").replace(/\D/g, "");
  return digits ? digits : undefined;
}

function messageChange(p: Params, receivedAt: Date): InboundChange | undefined {
  const id = one(p, "MessageSid") ?? one(p, "SmsMessageSid");
  if (!id) return undefined;
  const waId = one(p, "WaId") ?? twilioAddressDigits(one(p, "From"));
  const userId = one(p, "ExternalUserId")?.replace(/^whatsapp:/, "");
  const sender = compact({ waId, userId: userId && userId !== waId ? userId : undefined, profileName: one(p, "ProfileName") });
  const message: InboundMessage = { id, from: sender, timestamp: receivedAt, type: "text", content: {} };
  fillContent(message, p);

  const repliedTo = one(p, "OriginalRepliedMessageSid");
  const forwarded = one(p, "Forwarded") === "true";
  const frequentlyForwarded = one(p, "FrequentlyForwarded") === "true";
  if (repliedTo || forwarded || frequentlyForwarded) {
    message.context = compact({
      messageId: repliedTo,
      from: twilioAddressDigits(one(p, "OriginalRepliedMessageSender")),
      forwarded: forwarded || undefined,
      frequentlyForwarded: frequentlyForwarded || undefined,
    });
  }
  const referral = referralOf(p);
  if (referral) message.referral = referral;
  return {
    business: compact({ displayPhoneNumber: twilioAddressDigits(one(p, "To")) }),
    contacts: [sender],
    messages: [message],
    statuses: [],
    errors: [],
  };
}

function fillContent(message: InboundMessage, p: Params): void {
  const body = one(p, "Body") ?? "";
  const numMedia = Number(one(p, "NumMedia") ?? "0");
  const declared = one(p, "MessageType")?.toLowerCase();
  const latitude = one(p, "Latitude");
  const longitude = one(p, "Longitude");

  if (latitude && longitude) {
    message.type = "location";
    message.content = compact({ latitude: Number(latitude), longitude: Number(longitude), address: one(p, "Address"), name: one(p, "Label") });
    return;
  }
  if (numMedia > 0) {
    const url = one(p, "MediaUrl0");
    const mimeType = one(p, "MediaContentType0") ?? "application/octet-stream";
    message.type = mediaType(declared, mimeType);
    message.media = compact({ url, mimeType, id: url ? url.split("/").filter(Boolean).at(-1) : undefined });
    // WhatsApp sends one item per message; anything beyond the first is kept for inspection.
    const extra = Array.from({ length: numMedia - 1 }, (_, i) => ({ url: one(p, `MediaUrl${i + 1}`), mimeType: one(p, `MediaContentType${i + 1}`) }));
    message.content = compact({
      caption: body || undefined,
      voice: message.type === "audio" ? /ogg|opus/.test(mimeType) : undefined,
      extraMedia: extra.length ? extra : undefined,
    });
    return;
  }
  const listId = one(p, "ListId");
  const buttonPayload = one(p, "ButtonPayload");
  const buttonText = one(p, "ButtonText");
  if (listId) {
    message.type = "interactive";
    message.content = compact({ kind: "list_reply", id: listId, title: one(p, "ListTitle") ?? buttonText ?? body });
    return;
  }
  if (buttonPayload !== undefined || buttonText !== undefined) {
    // A template quick reply arrives as MessageType=button; replies to interactive buttons as interactive.
    if (declared === "button") {
      message.type = "button";
      message.content = { payload: buttonPayload ?? "", text: buttonText ?? body };
    } else {
      message.type = "interactive";
      message.content = compact({ kind: "button_reply", id: buttonPayload, title: buttonText ?? body });
    }
    return;
  }
  if (declared && declared !== "text" && !body) {
    message.type = "unsupported";
    message.content = { unsupportedType: declared };
    return;
  }
  message.type = "text";
  message.content = { body };
}

function mediaType(declared: string | undefined, mimeType: string): InboundMessageType {
  if (declared && ["image", "audio", "video", "document", "sticker", "contacts"].includes(declared)) return declared as InboundMessageType;
  if (/vcard/i.test(mimeType)) return "contacts";
  if (mimeType === "image/webp") return "sticker";
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("audio/")) return "audio";
  if (mimeType.startsWith("video/")) return "video";
  return "document";
}

function referralOf(p: Params): Record<string, unknown> | undefined {
  const referral: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(p)) {
    if (!key.startsWith("Referral") || key === "ReferralNumMedia") continue;
    const name = key.slice("Referral".length);
    // ReferralSourceUrl → source_url, the names Meta uses, so both providers store one shape.
    referral[name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase()] = Array.isArray(value) ? value[0] : value;
  }
  return Object.keys(referral).length ? referral : undefined;
}

const STATUS: Record<string, InboundStatusValue> = {
  accepted: "queued",
  scheduled: "queued",
  queued: "queued",
  sending: "queued",
  sent: "sent",
  delivered: "delivered",
  read: "read",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};

function statusChange(p: Params, receivedAt: Date): InboundChange | undefined {
  const messageId = one(p, "MessageSid") ?? one(p, "SmsSid");
  const providerStatus = (one(p, "MessageStatus") ?? one(p, "SmsStatus"))?.toLowerCase();
  const status = providerStatus ? STATUS[providerStatus] : undefined;
  if (!messageId || !providerStatus || !status) return undefined;
  const errorCode = one(p, "ErrorCode");
  const parsed: InboundStatus = {
    messageId,
    status,
    providerStatus,
    timestamp: receivedAt,
    recipient: compact({ waId: twilioAddressDigits(one(p, "To")) }),
    errors: errorCode ? [{ code: errorCode, title: one(p, "ErrorMessage") ?? `Twilio error ${errorCode}` }] : [],
    details: compact({ eventType: one(p, "EventType"), callbackData: one(p, "callbackData") }),
  };
  return {
    // A status is about a message we sent: our number is the From.
    business: compact({ displayPhoneNumber: twilioAddressDigits(one(p, "From")) }),
    contacts: [],
    messages: [],
    statuses: [parsed],
    errors: [],
  };
}

function one(p: Params, key: string): string | undefined {
  const value = p[key];
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === "" ? undefined : v;
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
