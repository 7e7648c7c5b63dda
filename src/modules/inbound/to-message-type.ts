import type { MessageType } from "@campotech/database";
import type { InboundMessageType } from "../../integrations/whatsapp/inbound-events";

const TYPES: Record<InboundMessageType, MessageType> = {
  text: "TEXT",
  image: "IMAGE",
  audio: "AUDIO",
  video: "VIDEO",
  document: "DOCUMENT",
  sticker: "STICKER",
  location: "LOCATION",
  contacts: "CONTACTS",
  interactive: "INTERACTIVE",
  button: "BUTTON",
  reaction: "REACTION",
  order: "ORDER",
  unsupported: "UNSUPPORTED",
  system: "SYSTEM",
  request_welcome: "REQUEST_WELCOME",
};

export function toMessageType(type: InboundMessageType): MessageType {
  return TYPES[type];
}

// What an inbound message does to its conversation. System notices (number changes) are written by WhatsApp,
// not the customer: they open no window and count as nothing. Reactions open the window (the customer acted)
// but are not unread messages or assistant input.
export function inboundEffects(type: InboundMessageType): { opensWindow: boolean; unread: boolean; turn: boolean } {
  if (type === "system") return { opensWindow: false, unread: false, turn: false };
  if (type === "reaction") return { opensWindow: true, unread: false, turn: false };
  if (type === "request_welcome") return { opensWindow: true, unread: false, turn: true };
  return { opensWindow: true, unread: true, turn: true };
}
