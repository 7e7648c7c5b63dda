import type { BspProvider } from "./types";

// What the webhook parsers (meta/webhook-events.ts, twilio/webhook-events.ts) turn a provider delivery into:
// plain data in our vocabulary, with every item of a batch. The inbound module stores it; nothing here knows
// about organizations or the database.

export type ProviderIssue = { code: string; title: string; message?: string; details?: string; href?: string };

// Who wrote: the phone-based WhatsApp id and/or the business-scoped user id of username-only users (BSUID).
export type InboundSender = { waId?: string; userId?: string; profileName?: string; username?: string };

export type InboundMessageType =
  | "text" | "image" | "audio" | "video" | "document" | "sticker" | "location" | "contacts" | "interactive"
  | "button" | "reaction" | "order" | "unsupported" | "system" | "request_welcome";

export type InboundMedia = {
  // Meta/360dialog media id (two-step download) or, for Twilio, the MediaUrl (one authenticated GET).
  id?: string;
  url?: string;
  mimeType?: string;
  sha256?: string;
};

export type InboundMessage = {
  id: string;
  from: InboundSender;
  timestamp: Date;
  type: InboundMessageType;
  // Structured, type-specific content (e.g. {body} for text, {latitude, longitude, …} for location).
  content: Record<string, unknown>;
  media?: InboundMedia;
  reaction?: { targetMessageId: string; emoji: string | null };
  context?: { messageId?: string; from?: string; forwarded?: boolean; frequentlyForwarded?: boolean; [key: string]: unknown };
  referral?: Record<string, unknown>;
  errors?: ProviderIssue[];
};

// Our outbound status vocabulary: played counts as read; Twilio's undelivered is a failure.
export type InboundStatusValue = "queued" | "sent" | "delivered" | "read" | "failed";

export type InboundStatus = {
  messageId: string;
  status: InboundStatusValue;
  providerStatus: string;
  timestamp: Date;
  recipient: { waId?: string; userId?: string };
  errors: ProviderIssue[];
  details?: Record<string, unknown>;
};

// One business number's share of a delivery (a Meta `change`, or one Twilio post).
export type InboundChange = {
  business: { phoneNumberId?: string; displayPhoneNumber?: string };
  contacts: InboundSender[];
  messages: InboundMessage[];
  statuses: InboundStatus[];
  errors: ProviderIssue[];
};

export type InboundDelivery = {
  provider: BspProvider;
  changes: InboundChange[];
  // `field`s we do not process (account_update, phone_number_quality_update, …): acknowledged and skipped.
  ignoredFields: string[];
  // Meta's message_template_status_update (approved, rejected, paused…), routed by the WABA id of its entry.
  templateStatusUpdates: TemplateStatusUpdate[];
};

export type TemplateStatusUpdate = { wabaId: string; event: string; name: string; language: string; templateId?: string; reason?: string };
