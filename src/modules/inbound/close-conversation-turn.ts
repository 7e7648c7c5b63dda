import type { TenantTx } from "../../lib/db";
import type { OrganizationEvent } from "../events/organization-event";

// Every turn-worthy inbound message schedules this with a delay of the aggregation window (a BullMQ delayed job,
// no sleeping). When it fires: if a newer unassigned message exists, the customer kept writing and that
// message's own job will close the turn later — do nothing. Otherwise the window has been quiet since the
// trigger: every unassigned message of the conversation becomes one turn. The conversation lock and the unique
// triggerMessageId make a retried or concurrent run a no-op. No clock comparison is needed: "newer" is by arrival.
export async function closeConversationTurn(
  tx: TenantTx,
  input: { organizationId: string; conversationId: string; triggerMessageId: string },
): Promise<{ turnId: string | null; events: OrganizationEvent[] }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4005, hashtext(${input.conversationId}))`;
  const trigger = await tx.whatsAppMessage.findUnique({ where: { id: input.triggerMessageId }, select: { createdAt: true, turnId: true, type: true, providerTimestamp: true } });
  if (!trigger || trigger.turnId) return { turnId: null, events: [] };
  const pendingWhere = {
    conversationId: input.conversationId,
    direction: "INBOUND" as const,
    turnId: null,
    type: { notIn: ["REACTION" as const, "SYSTEM" as const] },
  };
  const newer = await tx.whatsAppMessage.findFirst({ where: { ...pendingWhere, createdAt: { gt: trigger.createdAt } }, select: { id: true } });
  if (newer) return { turnId: null, events: [] };

  let pending = await tx.whatsAppMessage.findMany({
    where: pendingWhere,
    orderBy: [{ providerTimestamp: "asc" }, { createdAt: "asc" }],
    select: { id: true, providerTimestamp: true, createdAt: true },
  });
  // A reaction alone (a 👍 to the assistant's question) is a turn of its own; next to words it is just a reaction.
  if (pending.length === 0 && trigger.type === "REACTION") pending = [{ id: input.triggerMessageId, providerTimestamp: trigger.providerTimestamp, createdAt: trigger.createdAt }];
  if (pending.length === 0) return { turnId: null, events: [] };
  const times = pending.map((m) => m.providerTimestamp ?? m.createdAt);
  const turn = await tx.conversationTurn.create({
    data: {
      organizationId: input.organizationId,
      conversationId: input.conversationId,
      triggerMessageId: input.triggerMessageId,
      messageCount: pending.length,
      firstMessageAt: times[0]!,
      lastMessageAt: times.at(-1)!,
    },
    select: { id: true, closedAt: true },
  });
  await tx.whatsAppMessage.updateMany({ where: { id: { in: pending.map((m) => m.id) } }, data: { turnId: turn.id } });
  return {
    turnId: turn.id,
    events: [{
      type: "conversation.turn",
      organizationId: input.organizationId,
      conversationId: input.conversationId,
      turnId: turn.id,
      messageIds: pending.map((m) => m.id),
      at: turn.closedAt.toISOString(),
    }],
  };
}
