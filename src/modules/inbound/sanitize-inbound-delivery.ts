import type { InboundChange, InboundDelivery, InboundMessage, InboundSender, InboundStatus } from "../../integrations/whatsapp/inbound-events";
import { sanitizeDeep, sanitizeText, sanitizeTimestamp } from "../../lib/sanitize-text";

// Limits for what a provider sends us. Ids and names are indexed/displayed (a btree row cannot exceed ~2.7 kB);
// WhatsApp caps a text at 4,096 characters, so anything past 64 k is not a message worth keeping whole.
export const INBOUND_LIMITS = { id: 256, name: 256, text: 65_536 } as const;

// Every parsed item made storable, for all three providers (they share InboundDelivery): NUL and lone surrogates
// fixed in every string, ids/names/bodies held to their limits, unbelievable timestamps replaced by the receive time.
export function sanitizeInboundDelivery(delivery: InboundDelivery, receivedAt: Date): InboundDelivery {
  return {
    ...delivery,
    changes: delivery.changes.map((change) => sanitizeChange(change, receivedAt)),
    templateStatusUpdates: sanitizeDeep(delivery.templateStatusUpdates),
  };
}

function sanitizeChange(change: InboundChange, receivedAt: Date): InboundChange {
  return {
    business: sanitizeDeep(change.business),
    contacts: change.contacts.map(sanitizeSender),
    messages: change.messages.map((m) => sanitizeMessage(m, receivedAt)),
    statuses: change.statuses.map((s) => sanitizeStatus(s, receivedAt)),
    errors: sanitizeDeep(change.errors),
  };
}

export function sanitizeMessage(message: InboundMessage, receivedAt: Date): InboundMessage {
  const clean = sanitizeDeep(message);
  return {
    ...clean,
    id: sanitizeText(message.id, INBOUND_LIMITS.id),
    from: sanitizeSender(message.from),
    timestamp: sanitizeTimestamp(message.timestamp, receivedAt),
    content: limitStrings(clean.content, INBOUND_LIMITS.text),
  };
}

export function sanitizeStatus(status: InboundStatus, receivedAt: Date): InboundStatus {
  return { ...sanitizeDeep(status), messageId: sanitizeText(status.messageId, INBOUND_LIMITS.id), timestamp: sanitizeTimestamp(status.timestamp, receivedAt) };
}

function sanitizeSender(sender: InboundSender): InboundSender {
  const out: InboundSender = {};
  if (sender.waId !== undefined) out.waId = sanitizeText(sender.waId, INBOUND_LIMITS.id);
  if (sender.userId !== undefined) out.userId = sanitizeText(sender.userId, INBOUND_LIMITS.id);
  if (sender.profileName !== undefined) out.profileName = sanitizeText(sender.profileName, INBOUND_LIMITS.name);
  if (sender.username !== undefined) out.username = sanitizeText(sender.username, INBOUND_LIMITS.name);
  return out;
}

function limitStrings(content: Record<string, unknown>, max: number): Record<string, unknown> {
  return Object.fromEntries(Object.entries(content).map(([k, v]) => [k, typeof v === "string" ? sanitizeText(v, max) : v]));
}
