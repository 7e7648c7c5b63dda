import { outboundContentSchema } from "../../contracts/whatsapp";
import { createWhatsAppProvider, type CreateWhatsAppProviderOptions } from "../../integrations/whatsapp/create-whatsapp-provider";
import type { ProviderError } from "../../integrations/whatsapp/types";
import { withTenant } from "../../lib/db";
import { isAppError } from "../../lib/errors";
import { toWaId } from "../../lib/phone";
import type { OrganizationEvent } from "../events/organization-event";
import { applyParkedStatuses } from "./apply-parked-statuses";

export type SendQueuedMessageResult =
  | { outcome: "sent"; providerMessageId: string; events: OrganizationEvent[] }
  | { outcome: "skipped" | "failed"; events: OrganizationEvent[] };

// Retry later (rate limits, 5xx, timeouts): the row stays QUEUED.
export class RetryableSendError extends Error {
  override name = "RetryableSendError";
  constructor(readonly error: ProviderError) {
    super(`${error.provider} ${error.code}: ${error.title}`);
  }
}

// Sends one QUEUED outbound row (today: opt-out/opt-in confirmations) through the provider layer to the exact
// wa_id the customer wrote from, then stores the provider's message id and applies statuses that raced ahead of
// it (parked). Written as the seed of the outbound engine: a row already carrying a provider id, or no longer
// QUEUED, is never sent again. A crash between the provider's answer and the UPDATE can still send twice; no
// provider offers an idempotency key to prevent that.
export async function sendQueuedMessage(
  input: { organizationId: string; messageId: string },
  options: { provider?: CreateWhatsAppProviderOptions } = {},
): Promise<SendQueuedMessageResult> {
  const loaded = await withTenant(input.organizationId, async (tx) => {
    const message = await tx.whatsAppMessage.findUnique({
      where: { id: input.messageId },
      select: {
        id: true, conversationId: true, accountId: true, direction: true, status: true, waMessageId: true, content: true,
        conversation: { select: { accountId: true, customer: { select: { waId: true, phone: true } } } },
      },
    });
    const accountId = message?.accountId ?? message?.conversation.accountId;
    const account = accountId
      ? await tx.whatsAppBusinessAccount.findUnique({
          where: { id: accountId },
          select: { bspProvider: true, phoneNumberId: true, wabaId: true, displayPhoneNumber: true, credentialsEncrypted: true },
        })
      : null;
    return { message, account };
  });
  const { message, account } = loaded;
  if (!message || message.direction !== "OUTBOUND" || message.waMessageId || message.status !== "QUEUED") return { outcome: "skipped", events: [] };

  const customer = message.conversation.customer;
  const to = customer.waId ?? (customer.phone ? toWaId(customer.phone) : null);
  if (!account || !to) return markFailed(input.organizationId, message.id, message.conversationId, "no_route", "Sin cuenta de WhatsApp o número del cliente");

  let result;
  try {
    const content = outboundContentSchema.parse(message.content);
    result = await createWhatsAppProvider(account, options.provider ?? {}).send({ to, content });
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION_FAILED") return markFailed(input.organizationId, message.id, message.conversationId, "validation_failed", error.message);
    throw error;
  }
  if (!result.ok) {
    if (result.error.action === "retry" || result.error.action === "retry_recipient") throw new RetryableSendError(result.error);
    return markFailed(input.organizationId, message.id, message.conversationId, result.error.code, result.error.title);
  }

  const providerMessageId = result.providerMessageId;
  const events = await withTenant(input.organizationId, async (tx) => {
    await tx.whatsAppMessage.updateMany({ where: { id: message.id, waMessageId: null }, data: { waMessageId: providerMessageId } });
    const parked = await applyParkedStatuses(tx, providerMessageId);
    const stored: OrganizationEvent = {
      type: "message.updated",
      organizationId: input.organizationId,
      conversationId: message.conversationId,
      messageId: message.id,
      fields: { waMessageId: providerMessageId },
      at: new Date().toISOString(),
    };
    return [stored, ...parked.events];
  });
  return { outcome: "sent", providerMessageId, events };
}

async function markFailed(organizationId: string, messageId: string, conversationId: string, code: string, title: string): Promise<SendQueuedMessageResult> {
  const updated = await withTenant(organizationId, (tx) =>
    tx.whatsAppMessage.updateMany({ where: { id: messageId, status: "QUEUED" }, data: { status: "FAILED", errorCode: code, errorTitle: title.slice(0, 500) } }),
  );
  const events: OrganizationEvent[] = updated.count
    ? [{ type: "message.status", organizationId, conversationId, messageId, waMessageId: null, status: "FAILED", errorCode: code, at: new Date().toISOString() }]
    : [];
  return { outcome: "failed", events };
}
