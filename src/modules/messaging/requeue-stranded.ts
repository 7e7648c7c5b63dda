import { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { organizationsWith } from "../reconcile/organization-ids";
import { enqueueDelivery } from "./enqueue-delivery";

// A message is stored before its delivery job is enqueued; if Redis failed in between, the message would wait
// forever. This sweep (every minute) re-enqueues QUEUED deliveries that have no provider id, are not held or
// dead-lettered and are older than the grace period. Same job id as the first enqueue: a job that does exist
// is not duplicated.
export async function requeueStranded(input: { now?: Date; graceMs?: number } = {}): Promise<{ requeued: number }> {
  const now = input.now ?? new Date();
  const before = new Date(now.getTime() - (input.graceMs ?? 2 * 60_000));
  const organizations = (await organizationsWith(Prisma.sql`EXISTS (SELECT 1 FROM "OutboundDelivery" d JOIN "WhatsAppMessage" m ON m."id" = d."messageId"
    WHERE d."acceptedAt" IS NULL AND d."heldAt" IS NULL AND d."deadLetteredAt" IS NULL AND d."replayCount" = 0
      AND d."createdAt" < ${before.toISOString()}::timestamp AND (d."scheduledAt" IS NULL OR d."scheduledAt" <= ${now.toISOString()}::timestamp)
      AND m."status" = 'QUEUED' AND m."waMessageId" IS NULL)`)).map((id) => ({ id }));
  let requeued = 0;
  for (const { id: organizationId } of organizations) {
    const stranded = await withTenant(organizationId, (tx) =>
      tx.outboundDelivery.findMany({
        where: {
          organizationId, acceptedAt: null, heldAt: null, deadLetteredAt: null, replayCount: 0, createdAt: { lt: before },
          OR: [{ scheduledAt: null }, { scheduledAt: { lte: now } }],
          message: { status: "QUEUED", waMessageId: null },
        },
        select: { messageId: true, priority: true },
        take: 500,
      }),
    );
    for (const delivery of stranded) {
      await enqueueDelivery({ organizationId, messageId: delivery.messageId, priority: delivery.priority });
      requeued++;
    }
  }
  return { requeued };
}
