import type { Prisma } from "@campotech/database";
import type { InboundMessage, InboundSender } from "../../integrations/whatsapp/inbound-events";
import type { TenantTx } from "../../lib/db";
import { matchCustomer } from "../customers/match-customer";
import { applyReaction } from "./apply-reaction";
import { detectOptCommand } from "./detect-opt-command";
import { ensureConversation } from "./ensure-conversation";
import { emptyWork, FOLLOW_UP_JOBS, safeJobId, type CommittedWork } from "./follow-up";
import { handleOptCommand } from "./handle-opt-command";
import { inboundEffects, toMessageType } from "./to-message-type";
import { touchConversationForInbound } from "./touch-conversation";
import { readEmergency } from "../assistant/learned/read-emergency";

export type InboundContext = { organizationId: string; accountId: string; aggregationWindowMs: number };

// One inbound message in one tenant transaction. The message row is inserted with ON CONFLICT DO NOTHING on the
// provider's id: only the transaction that inserted it applies side effects (unread count, window, reaction,
// opt-out and its confirmation, events). A redelivery inserts nothing and only re-offers the idempotent jobs
// (same job ids) in case the first attempt died between commit and enqueue.
export async function storeInboundMessage(
  tx: TenantTx,
  ctx: InboundContext,
  message: InboundMessage,
  contacts: InboundSender[] = [],
): Promise<CommittedWork & { duplicate: boolean }> {
  const { organizationId, accountId } = ctx;
  const work = emptyWork();
  const sender = withProfile(message.from, contacts);
  const customer = await matchCustomer(tx, organizationId, sender);
  const conversation = await ensureConversation(tx, organizationId, customer.id, accountId);
  const type = toMessageType(message.type);
  const media = message.media;

  const inserted = await tx.whatsAppMessage.createManyAndReturn({
    data: [{
      organizationId,
      conversationId: conversation.id,
      accountId,
      waMessageId: message.id,
      direction: "INBOUND",
      type,
      content: message.content as Prisma.InputJsonValue,
      status: "RECEIVED",
      providerTimestamp: message.timestamp,
      contextWaMessageId: message.context?.messageId ?? null,
      ...(message.context ? { context: message.context as Prisma.InputJsonValue } : {}),
      ...(message.referral ? { referral: message.referral as Prisma.InputJsonValue } : {}),
      ...(message.errors?.length ? { errors: message.errors as unknown as Prisma.InputJsonValue } : {}),
      ...(media
        ? {
            mediaProviderId: media.id ?? null,
            mediaUrl: media.url ?? null,
            mediaMimeType: media.mimeType ?? null,
            mediaSha256: media.sha256 ?? null,
            mediaState: "PENDING" as const,
          }
        : {}),
    }],
    skipDuplicates: true,
    select: { id: true },
  });

  if (inserted.length === 0) {
    await reofferJobs(tx, ctx, message.id, work);
    return { ...work, duplicate: true };
  }
  const messageId = inserted[0]!.id;
  const effects = inboundEffects(message.type);

  work.events.push({
    type: "message.created",
    organizationId,
    conversationId: conversation.id,
    messageId,
    waMessageId: message.id,
    direction: "INBOUND",
    messageType: type,
    at: message.timestamp.toISOString(),
  });
  work.events.push(
    await touchConversationForInbound(tx, {
      organizationId,
      conversationId: conversation.id,
      accountId,
      timestamp: message.timestamp,
      opensWindow: effects.opensWindow,
      unread: effects.unread,
    }),
  );

  if (message.reaction?.targetMessageId) {
    await applyReaction(tx, {
      organizationId,
      customerId: customer.id,
      targetWaMessageId: message.reaction.targetMessageId,
      emoji: message.reaction.emoji,
      reactionWaMessageId: message.id,
      timestamp: message.timestamp,
    });
  }

  const text = message.type === "text" ? String(message.content.body ?? "") : message.type === "button" ? String(message.content.text ?? "") : undefined;
  const command = detectOptCommand(text);
  if (command) {
    const confirmation = await handleOptCommand(tx, {
      organizationId,
      customerId: customer.id,
      conversationId: conversation.id,
      accountId,
      command,
      at: message.timestamp,
      triggerMessageId: messageId,
    });
    if (confirmation) {
      work.jobs.push(sendJob(organizationId, confirmation.confirmationId));
      work.events.push({
        type: "message.created",
        organizationId,
        conversationId: conversation.id,
        messageId: confirmation.confirmationId,
        waMessageId: null,
        direction: "OUTBOUND",
        messageType: "TEXT",
        at: new Date().toISOString(),
      });
    }
  }

  if (media) work.jobs.push(mediaJob(organizationId, messageId, media.id ?? media.url ?? message.id));
  // An emergency closes its turn at once (the customer must not wait out the aggregation window for safety
  // instructions). A reaction is a turn of its own only if nothing else is pending: a 👍 may confirm what the
  // assistant asked (close-conversation-turn.ts).
  const urgent = Boolean(text && readEmergency(text));
  if (effects.turn || (message.reaction?.emoji && !command)) work.jobs.push(turnJob(ctx, conversation.id, messageId, urgent));
  return { ...work, duplicate: false };
}

// The redelivered message's pending work, re-offered under the same job ids (BullMQ ignores an id it still has;
// the handlers are no-ops once the work is done).
async function reofferJobs(tx: TenantTx, ctx: InboundContext, waMessageId: string, work: CommittedWork): Promise<void> {
  const existing = await tx.whatsAppMessage.findUnique({
    where: { waMessageId },
    select: { id: true, conversationId: true, type: true, mediaState: true, mediaProviderId: true, mediaUrl: true, turnId: true },
  });
  if (!existing) return;
  if (existing.mediaState === "PENDING") {
    work.jobs.push(mediaJob(ctx.organizationId, existing.id, existing.mediaProviderId ?? existing.mediaUrl ?? waMessageId));
  }
  const confirmations = await tx.whatsAppMessage.findMany({
    where: { conversationId: existing.conversationId, direction: "OUTBOUND", status: "QUEUED", waMessageId: null, content: { path: ["inReplyToMessageId"], equals: existing.id } },
    select: { id: true },
  });
  for (const c of confirmations) work.jobs.push(sendJob(ctx.organizationId, c.id));
  if (!existing.turnId && existing.type !== "REACTION" && existing.type !== "SYSTEM") {
    work.jobs.push(turnJob(ctx, existing.conversationId, existing.id));
  }
}

function withProfile(from: InboundSender, contacts: InboundSender[]): InboundSender {
  if (from.profileName) return from;
  const contact = contacts.find((c) => (from.waId && c.waId === from.waId) || (from.userId && c.userId === from.userId));
  return contact ? { ...contact, ...from, profileName: contact.profileName } : from;
}

function mediaJob(organizationId: string, messageId: string, providerMediaId: string) {
  // The provider's media id is the job id: one download per media object, however often it is offered.
  const key = providerMediaId.startsWith("http") ? (providerMediaId.split("/").filter(Boolean).at(-1) ?? messageId) : providerMediaId;
  return { name: FOLLOW_UP_JOBS.downloadMedia, payload: { organizationId, messageId }, jobId: safeJobId("media", key) };
}

function sendJob(organizationId: string, messageId: string) {
  // Same job id as the engine's own enqueue (deliverJobId): offering it twice never creates two deliveries.
  return { name: FOLLOW_UP_JOBS.sendMessage, payload: { organizationId, messageId }, jobId: safeJobId("deliver", messageId) };
}

// A delayed job per inbound message; the one whose message is still the conversation's latest when it fires
// closes the turn (see close-conversation-turn.ts).
function turnJob(ctx: InboundContext, conversationId: string, triggerMessageId: string, urgent = false) {
  return {
    name: FOLLOW_UP_JOBS.closeTurn,
    payload: { organizationId: ctx.organizationId, conversationId, triggerMessageId },
    jobId: safeJobId("turn", triggerMessageId),
    ...(urgent ? {} : { delayMs: ctx.aggregationWindowMs }),
  };
}
