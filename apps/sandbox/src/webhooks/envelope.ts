import type { BusinessNumber } from "../state.ts";

// Meta's webhook envelope (reference §1.3). Every level is an array; the sandbox fills several items when batching.

export function metadata(number: BusinessNumber): Record<string, string> {
  return { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId };
}

export function messagesEnvelope(
  number: BusinessNumber,
  contact: { waId: string; name: string } | undefined,
  message: Record<string, unknown>,
): Record<string, unknown> {
  const value: Record<string, unknown> = { messaging_product: "whatsapp", metadata: metadata(number) };
  // System messages about number changes come without contacts (reference §1.4).
  if (contact) value.contacts = [{ profile: { name: contact.name }, wa_id: contact.waId }];
  value.messages = [message];
  return wrap(number.wabaId, [{ field: "messages", value }]);
}

/** One change per group of statuses (batched deliveries put each message's statuses in its own change). */
export function statusesEnvelope(number: BusinessNumber, groups: Record<string, unknown>[][]): Record<string, unknown> {
  return wrap(
    number.wabaId,
    groups.map((statuses) => ({ field: "messages", value: { messaging_product: "whatsapp", metadata: metadata(number), statuses } })),
  );
}

export function templateStatusEnvelope(wabaId: string, value: Record<string, unknown>): Record<string, unknown> {
  return wrap(wabaId, [{ field: "message_template_status_update", value }]);
}

function wrap(wabaId: string, changes: { field: string; value: Record<string, unknown> }[]): Record<string, unknown> {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: wabaId, changes: changes.map((c) => ({ value: c.value, field: c.field })) }],
  };
}
