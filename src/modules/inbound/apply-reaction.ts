import type { TenantTx } from "../../lib/db";

// A customer's current reaction on a message: one row per (customer, target), linked to the target message when
// we have it. An empty emoji removes it. Only a reaction at least as new as the stored one changes it, so an old
// reaction processed late cannot replace a newer one.
export async function applyReaction(
  tx: TenantTx,
  input: { organizationId: string; customerId: string; targetWaMessageId: string; emoji: string | null; reactionWaMessageId: string; timestamp: Date },
): Promise<"added" | "removed" | "stale"> {
  const key = { organizationId: input.organizationId, targetWaMessageId: input.targetWaMessageId, customerId: input.customerId };
  if (!input.emoji) {
    const removed = await tx.whatsAppReaction.deleteMany({ where: { ...key, providerTimestamp: { lte: input.timestamp } } });
    return removed.count ? "removed" : "stale";
  }
  const target = await tx.whatsAppMessage.findUnique({ where: { waMessageId: input.targetWaMessageId }, select: { id: true } });
  await tx.whatsAppReaction.createMany({
    data: [{ ...key, messageId: target?.id ?? null, emoji: input.emoji, reactionWaMessageId: input.reactionWaMessageId, providerTimestamp: input.timestamp }],
    skipDuplicates: true,
  });
  const updated = await tx.whatsAppReaction.updateMany({
    where: { ...key, providerTimestamp: { lte: input.timestamp } },
    data: { emoji: input.emoji, reactionWaMessageId: input.reactionWaMessageId, providerTimestamp: input.timestamp, messageId: target?.id ?? null },
  });
  return updated.count ? "added" : "stale";
}
