import { Prisma } from "@campotech/database";
import { env } from "../../lib/env";
import { withTenant } from "../../lib/db";
import { getQueue } from "../../workers/queue-registry";
import { FOLLOW_UP_JOBS, safeJobId } from "../inbound/follow-up";
import { organizationsWith } from "./organization-ids";

// Past the aggregation window by this much, a pending message whose turn job is gone will not be turned otherwise.
const GRACE_MS = 60_000;
// Older pending messages are not revived: a customer who wrote yesterday should not get an answer today out of
// nowhere (an operator sees them in the inbox).
const MAX_AGE_MS = 24 * 3600_000;

/**
 * The aggregation window is a delayed job per inbound message. When the latest pending message of a conversation
 * has outlived its window and Redis holds no job for it, the turn job is offered again with the same id; closing a
 * turn is idempotent (advisory lock, one turn per trigger), so a job that did survive makes this a no-op.
 */
export async function reconcileTurns(input: { now?: Date; windowMs?: number } = {}): Promise<{ conversations: number; rearmed: number }> {
  const now = input.now ?? new Date();
  const windowMs = input.windowMs ?? env.INBOUND_AGGREGATION_WINDOW_MS;
  const queue = getQueue("conversations");
  let conversations = 0;
  let rearmed = 0;
  const probe = Prisma.sql`EXISTS (SELECT 1 FROM "WhatsAppMessage" WHERE "direction" = 'INBOUND' AND "turnId" IS NULL
    AND "type" NOT IN ('REACTION', 'SYSTEM') AND "createdAt" > ${new Date(now.getTime() - MAX_AGE_MS).toISOString()}::timestamp)`;
  for (const organizationId of await organizationsWith(probe)) {
    const pending = await withTenant(organizationId, (tx) =>
      tx.$queryRaw<{ id: string; conversationId: string; createdAt: Date }[]>`
        SELECT DISTINCT ON ("conversationId") "id", "conversationId", "createdAt"
          FROM "WhatsAppMessage"
         WHERE "organizationId" = ${organizationId} AND "direction" = 'INBOUND' AND "turnId" IS NULL
           AND "type" NOT IN ('REACTION', 'SYSTEM') AND "createdAt" > ${new Date(now.getTime() - MAX_AGE_MS)}
         ORDER BY "conversationId", "createdAt" DESC`,
    );
    for (const message of pending) {
      if (message.createdAt.getTime() > now.getTime() - windowMs - GRACE_MS) continue;
      conversations++;
      const jobId = safeJobId("turn", message.id);
      if (await queue.getJob(jobId)) continue;
      await queue.add(FOLLOW_UP_JOBS.closeTurn, { organizationId, conversationId: message.conversationId, triggerMessageId: message.id }, { jobId });
      rearmed++;
    }
  }
  return { conversations, rearmed };
}
