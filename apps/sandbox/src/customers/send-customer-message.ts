import { canonicalWaId } from "../phone.ts";
import { resolveBusinessNumber } from "../numbers.ts";
import { pushCustomerMessage, windowKey, type BusinessNumber, type InboxProvider, type SandboxState } from "../state.ts";
import type { DeliveryOutcome } from "../webhooks/deliver.ts";
import { messagesEnvelope } from "../webhooks/envelope.ts";
import { sendMetaWebhook, sendTwilioWebhook } from "../webhooks/send.ts";
import { buildMetaInbound } from "./meta-inbound.ts";
import type { CustomerMessageInput } from "./schema.ts";
import { buildTwilioInbound } from "./twilio-inbound.ts";

export type CustomerSendResult =
  | { ok: true; id: string; delivery: DeliveryOutcome }
  | { ok: false; status: number; error: string };

/** A simulated customer writes to a business number: build the provider's webhook, deliver it, open the 24 h window. */
export async function sendCustomerMessage(state: SandboxState, rawPhone: string, input: CustomerMessageInput): Promise<CustomerSendResult> {
  const phone = canonicalWaId(rawPhone);
  if (!/^\d{8,15}$/.test(phone)) return { ok: false, status: 400, error: "phone must be the customer's wa_id digits, e.g. 5491155550123" };
  const number = pickNumber(state, input);
  if (!number) return { ok: false, status: 404, error: `unknown business number: ${input.to ?? input.provider ?? "(default)"}` };
  const sms = input.provider === "TWILIO_SMS";
  const contextId = input.contextMessageId ?? (needsContext(input.type) ? lastInteractiveId(state, phone, number) : undefined);

  let id: string;
  let payload: unknown;
  let delivery: Promise<DeliveryOutcome>;
  let provider: InboxProvider = number.provider;
  if (number.provider === "TWILIO") {
    const fields = buildTwilioInbound(state, number, phone, input, contextId, sms);
    if (!fields) return { ok: false, status: 422, error: `Twilio ${sms ? "SMS" : "WhatsApp"} cannot carry a "${input.type}" message in the sandbox` };
    id = fields.MessageSid as string;
    payload = fields;
    if (sms) provider = "TWILIO_SMS";
    delivery = sendTwilioWebhook(state, number, number.webhookUrl, "message", fields);
  } else {
    const message = buildMetaInbound(state, number, phone, input, contextId);
    id = message.id as string;
    payload = message;
    const contact = input.type === "system" ? undefined : { waId: phone, name: input.profileName ?? "Cliente Sandbox" };
    delivery = sendMetaWebhook(state, number, "message", messagesEnvelope(number, contact, message));
  }
  if (input.type !== "system") state.windows.set(windowKey(number, phone), Date.now());
  pushCustomerMessage(state, phone, { id, provider, to: number.phoneNumberId, type: input.type, payload, createdAt: new Date().toISOString() });
  return { ok: true, id, delivery: await delivery };
}

function pickNumber(state: SandboxState, input: CustomerMessageInput): BusinessNumber | undefined {
  if (input.to !== undefined) return resolveBusinessNumber(state, input.to);
  if (input.provider) {
    const provider = input.provider === "TWILIO_SMS" ? "TWILIO" : input.provider;
    return state.numbers.find((n) => n.provider === provider);
  }
  return resolveBusinessNumber(state, undefined);
}

function needsContext(type: CustomerMessageInput["type"]): boolean {
  return type === "button_reply" || type === "list_reply" || type === "button";
}

/** Replies to buttons quote the message that carried them; default to the business's latest interactive/template. */
function lastInteractiveId(state: SandboxState, phone: string, number: BusinessNumber): string | undefined {
  const list = state.inbox.get(phone) ?? [];
  for (let i = list.length - 1; i >= 0; i--) {
    const entry = list[i];
    if (entry && (entry.type === "interactive" || entry.type === "template") && entry.provider === number.provider) return entry.id;
  }
  return undefined;
}
