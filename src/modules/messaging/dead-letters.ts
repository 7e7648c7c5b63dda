import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { enqueueDelivery } from "./enqueue-delivery";

// Dead letters: messages whose retries ran out. Listed and inspected through the API layer and the CLI; a replay
// puts the message back in the delivery queue exactly once (the conditional update decides who replays it).
// Login codes are never dead letters (deliver-message.ts fails them instead); rows left from before that rule are
// excluded here too, so no list, inspection or replay can ever reach one (docs/security.md).
const NOT_AUTHENTICATION = { purpose: { not: "authentication" } } as const;
export async function listDeadLetters(input: { organizationId: string; limit?: number; cursor?: string }) {
  return withTenant(input.organizationId, (tx) =>
    tx.outboundDelivery.findMany({
      where: { organizationId: input.organizationId, deadLetteredAt: { not: null }, ...NOT_AUTHENTICATION },
      orderBy: [{ deadLetteredAt: "desc" }, { id: "desc" }],
      take: Math.min(input.limit ?? 50, 200),
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: {
        id: true, messageId: true, recipient: true, attempts: true, lastErrorCode: true, lastErrorTitle: true,
        deadLetteredAt: true, deadLetterReason: true, replayCount: true, purpose: true,
        message: { select: { conversationId: true, type: true, content: true, createdAt: true } },
      },
    }),
  );
}

export async function inspectDeadLetter(input: { organizationId: string; messageId: string }) {
  const found = await withTenant(input.organizationId, (tx) =>
    tx.outboundDelivery.findFirst({
      where: { organizationId: input.organizationId, messageId: input.messageId, deadLetteredAt: { not: null }, ...NOT_AUTHENTICATION },
      omit: { sealedContent: true },
      include: { message: { include: { statusEvents: { orderBy: { providerTimestamp: "asc" } } } } },
    }),
  );
  if (!found) throw new AppError("NOT_FOUND", { message: "No hay un mensaje fallido con ese id." });
  return found;
}

export async function replayDeadLetters(input: { organizationId: string; messageId?: string; now?: Date }): Promise<{ replayed: string[] }> {
  const claimed = await withTenant(input.organizationId, async (tx) => {
    const candidates = await tx.outboundDelivery.findMany({
      where: { organizationId: input.organizationId, deadLetteredAt: { not: null }, ...NOT_AUTHENTICATION, ...(input.messageId ? { messageId: input.messageId } : {}) },
      select: { messageId: true, priority: true, replayCount: true },
    });
    const won: { messageId: string; priority: "HIGH" | "NORMAL" | "LOW"; round: number }[] = [];
    for (const c of candidates) {
      const { count } = await tx.outboundDelivery.updateMany({
        where: { messageId: c.messageId, deadLetteredAt: { not: null }, replayCount: c.replayCount, ...NOT_AUTHENTICATION },
        data: { deadLetteredAt: null, deadLetterReason: null, attempts: 0, nextAttemptAt: null, replayCount: { increment: 1 } },
      });
      if (!count) continue;
      await tx.whatsAppMessage.update({ where: { id: c.messageId }, data: { status: "QUEUED", errorCode: null, errorTitle: null } });
      won.push({ messageId: c.messageId, priority: c.priority, round: c.replayCount + 1 });
    }
    return won;
  });
  if (input.messageId && claimed.length === 0) {
    throw new AppError("NOT_FOUND", { message: "Ese mensaje no está en la lista de fallidos (o ya se reenvió)." });
  }
  for (const c of claimed) {
    await enqueueDelivery({ organizationId: input.organizationId, messageId: c.messageId, priority: c.priority, round: `replay${c.round}` });
  }
  return { replayed: claimed.map((c) => c.messageId) };
}
