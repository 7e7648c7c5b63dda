import type { TenantTx } from "../../lib/db";

// Older than this, an unsent message no longer holds the conversation back: a bug or a forgotten row must not
// silence a customer for good. (Retries run out in well under an hour; a panic hold holds everything anyway.)
const ORDER_HORIZON_MS = 6 * 3600_000;

/**
 * Messages to one customer reach the provider in the order they were created: a message waits while an earlier
 * one of its conversation is still to be handed over (queued, retrying, held, released after a panic) — unless that
 * one was dead-lettered, failed for good, or is scheduled for later. Per conversation only: other conversations of
 * the organization are not held back. The caller delays the job when this returns an id.
 */
export async function earlierUnsentMessage(
  tx: TenantTx,
  message: { id: string; conversationId: string; createdAt: Date },
  now: number,
): Promise<string | null> {
  const earlier = await tx.whatsAppMessage.findFirst({
    where: {
      conversationId: message.conversationId,
      direction: "OUTBOUND",
      status: "QUEUED",
      waMessageId: null,
      id: { not: message.id },
      AND: [
        { OR: [{ createdAt: { lt: message.createdAt } }, { createdAt: message.createdAt, id: { lt: message.id } }] },
        { createdAt: { gt: new Date(now - ORDER_HORIZON_MS) } },
      ],
      delivery: { is: { deadLetteredAt: null, OR: [{ scheduledAt: null }, { scheduledAt: { lte: new Date(now) } }] } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return earlier?.id ?? null;
}
