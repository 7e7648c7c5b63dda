import type {
  InboundChange,
  InboundDelivery,
  InboundMessage,
  InboundMessageType,
  InboundSender,
  InboundStatus,
  InboundStatusValue,
  ProviderIssue,
} from "../whatsapp/inbound-events";

// Meta Cloud API webhook envelope → our inbound events (reference/WHATSAPP.md §1.3–1.5). 360dialog delivers the
// same envelope. Every level is an array and all of it is read: every entry, change, message, status and error.
// The signature was verified on the raw bytes upstream; JSON.parse decodes Meta's \uXXXX escapes.

type Json = Record<string, unknown>;

const KNOWN_TYPES = new Set<InboundMessageType>([
  "text", "image", "audio", "video", "document", "sticker", "location", "contacts", "interactive", "button",
  "reaction", "order", "unsupported", "system", "request_welcome",
]);
const MEDIA_TYPES = new Set(["image", "audio", "video", "document", "sticker"]);

export function parseMetaWebhook(rawBody: string, provider: "META_DIRECT" | "DIALOG_360" = "META_DIRECT"): InboundDelivery {
  const body = JSON.parse(rawBody) as unknown;
  const delivery: InboundDelivery = { provider, changes: [], ignoredFields: [], templateStatusUpdates: [] };
  for (const entry of array(obj(body).entry)) {
    for (const change of array(obj(entry).changes)) {
      const field = str(obj(change).field) ?? "";
      if (field === "message_template_status_update") {
        const value = obj(obj(change).value);
        const wabaId = str(obj(entry).id);
        if (wabaId) {
          delivery.templateStatusUpdates.push({
            wabaId,
            event: str(value.event) ?? "",
            name: str(value.message_template_name) ?? "",
            language: str(value.message_template_language) ?? "",
            ...(value.message_template_id !== undefined ? { templateId: String(value.message_template_id) } : {}),
            ...(str(value.reason) ? { reason: str(value.reason)! } : {}),
          });
        }
        continue;
      }
      if (field !== "messages") {
        delivery.ignoredFields.push(field);
        continue;
      }
      delivery.changes.push(parseChange(obj(obj(change).value)));
    }
  }
  return delivery;
}

function parseChange(value: Json): InboundChange {
  const metadata = obj(value.metadata);
  const contacts = array(value.contacts).map((c) => parseContact(obj(c)));
  return {
    business: compact({ phoneNumberId: str(metadata.phone_number_id), displayPhoneNumber: str(metadata.display_phone_number) }),
    contacts,
    messages: array(value.messages).flatMap((m) => {
      const message = parseMessage(obj(m), contacts);
      return message ? [message] : [];
    }),
    statuses: array(value.statuses).flatMap((s) => {
      const status = parseStatus(obj(s));
      return status ? [status] : [];
    }),
    errors: parseIssues(value.errors),
  };
}

function parseContact(contact: Json): InboundSender {
  const profile = obj(contact.profile);
  return compact({ waId: str(contact.wa_id), userId: str(contact.user_id), profileName: str(profile.name), username: str(profile.username) });
}

function parseMessage(m: Json, contacts: InboundSender[]): InboundMessage | undefined {
  const id = str(m.id);
  if (!id) return undefined;
  const waId = str(m.from);
  const userId = str(m.from_user_id);
  // The sender's profile comes from contacts[] (matched by wa_id or user id; a single contact is the sender).
  const contact =
    contacts.find((c) => (waId && c.waId === waId) || (userId && c.userId === userId)) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const from: InboundSender = compact({
    waId: waId ?? contact?.waId,
    userId: userId ?? contact?.userId,
    profileName: contact?.profileName,
    username: contact?.username,
  });
  const rawType = str(m.type) ?? "unsupported";
  const type: InboundMessageType = KNOWN_TYPES.has(rawType as InboundMessageType) ? (rawType as InboundMessageType) : "unsupported";
  const message: InboundMessage = { id, from, timestamp: unixSeconds(m.timestamp), type, content: {} };
  const payload = obj(m[rawType]);

  if (MEDIA_TYPES.has(type)) {
    message.media = compact({ id: str(payload.id), url: str(payload.url), mimeType: str(payload.mime_type), sha256: str(payload.sha256) });
    message.content = compact({
      caption: str(payload.caption),
      filename: str(payload.filename),
      voice: type === "audio" ? payload.voice === true : undefined,
      animated: type === "sticker" ? payload.animated === true : undefined,
    });
  } else {
    message.content = contentOf(type, rawType, m, payload);
  }
  if (type === "reaction") {
    const emoji = str(payload.emoji);
    message.reaction = { targetMessageId: str(payload.message_id) ?? "", emoji: emoji ? emoji : null };
  }
  if (m.context && typeof m.context === "object") {
    const context = obj(m.context);
    message.context = compact({
      ...context,
      messageId: str(context.id),
      from: str(context.from),
      forwarded: context.forwarded === true ? true : undefined,
      frequentlyForwarded: context.frequently_forwarded === true ? true : undefined,
    });
  }
  if (m.referral && typeof m.referral === "object") message.referral = obj(m.referral);
  const errors = parseIssues(m.errors);
  if (errors.length) message.errors = errors;
  return message;
}

function contentOf(type: InboundMessageType, rawType: string, m: Json, payload: Json): Record<string, unknown> {
  switch (type) {
    case "text":
      return { body: str(payload.body) ?? "" };
    case "location":
      return compact({
        latitude: num(payload.latitude),
        longitude: num(payload.longitude),
        name: str(payload.name),
        address: str(payload.address),
        url: str(payload.url),
      });
    case "contacts":
      // The message's `contacts` is the shared cards (not the sender's contacts[] of the change).
      return { contacts: array(m.contacts) };
    case "interactive": {
      const kind = str(payload.type) ?? "unknown";
      const reply = obj(payload[kind]);
      return compact({ kind, id: str(reply.id), title: str(reply.title), description: str(reply.description), reply });
    }
    case "button":
      return { payload: str(payload.payload) ?? "", text: str(payload.text) ?? "" };
    case "reaction":
      return { targetMessageId: str(payload.message_id) ?? "", emoji: str(payload.emoji) || null };
    case "order":
      return compact({ catalogId: str(payload.catalog_id), text: str(payload.text), productItems: array(payload.product_items) });
    case "system":
      return compact({ body: str(payload.body), systemType: str(payload.type), newWaId: str(payload.wa_id), newUserId: str(payload.user_id), raw: payload });
    case "request_welcome":
      return {};
    case "unsupported":
      // Either Meta's own "unsupported" or a type newer than this parser: keep what arrived.
      return compact({ unsupportedType: str(obj(m.unsupported).type) ?? (rawType === "unsupported" ? undefined : rawType), raw: rawType === "unsupported" ? undefined : payload });
    default:
      return payload;
  }
}

const STATUS: Record<string, InboundStatusValue> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  // A voice message was played: the strongest form of read.
  played: "read",
  failed: "failed",
};

function parseStatus(s: Json): InboundStatus | undefined {
  const messageId = str(s.id);
  const providerStatus = str(s.status);
  const status = providerStatus ? STATUS[providerStatus] : undefined;
  if (!messageId || !providerStatus || !status) return undefined;
  return {
    messageId,
    status,
    providerStatus,
    timestamp: unixSeconds(s.timestamp),
    recipient: compact({ waId: str(s.recipient_id), userId: str(s.recipient_user_id) }),
    errors: parseIssues(s.errors),
    details: compact({
      conversation: s.conversation,
      pricing: s.pricing,
      callbackData: str(s.biz_opaque_callback_data),
    }),
  };
}

function parseIssues(value: unknown): ProviderIssue[] {
  return array(value).map((e) => {
    const error = obj(e);
    return compact({
      code: String(error.code ?? "unknown"),
      title: str(error.title) ?? str(error.message) ?? "",
      message: str(error.message),
      details: str(obj(error.error_data).details),
      href: str(error.href),
    }) as ProviderIssue;
  });
}

// Unparseable → an Invalid Date: the inbound sanitiser (src/lib/sanitize-text.ts) replaces every unbelievable time
// with the delivery's receive time, so the parser does not pick a "now" of its own.
function unixSeconds(value: unknown): Date {
  const seconds = typeof value === "string" && value.trim() !== "" ? Number(value) : typeof value === "number" ? value : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date(NaN);
}

function obj(value: unknown): Json {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function num(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
