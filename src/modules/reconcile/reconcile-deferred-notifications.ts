import { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { armDeferredNotification } from "../notifications/defer-notification";
import { deferredNotificationPayloadSchema } from "../notifications/deferred-notification.schemas";
import { notificationsQueue } from "../notifications/notifications-queue";
import { organizationsWith } from "./organization-ids";

export type DeferredReconcile = { pending: number; rearmed: number; pruned: number };

// A deferral Redis lost for longer than this is not sent any more: "your technician was assigned" a day late is
// noise. The row stays unsent, visible to operators, until it is pruned with the sent ones.
const MAX_LATE_MS = 24 * 3600_000;
// Rows whose time is a week past (sent or given up) have nothing left to say: the message itself is in the outbox.
const KEEP_MS = 7 * 24 * 3600_000;

/**
 * Every deferred notification not yet sent has a row; each one whose job Redis no longer holds is armed again with the
 * same id, at its original time (or now, if that passed while Redis was gone). The send checks the row, so a job that
 * survived next to a re-armed one still sends once.
 */
export async function reconcileDeferredNotifications(input: { now?: Date } = {}): Promise<DeferredReconcile> {
  const now = input.now ?? new Date();
  const queue = notificationsQueue();
  const result: DeferredReconcile = { pending: 0, rearmed: 0, pruned: 0 };
  const probe = Prisma.sql`EXISTS (SELECT 1 FROM "DeferredNotification" WHERE "sendAt" < ${new Date(now.getTime() - KEEP_MS).toISOString()}::timestamp
    OR ("sentAt" IS NULL AND "sendAt" > ${new Date(now.getTime() - MAX_LATE_MS).toISOString()}::timestamp))`;
  for (const organizationId of await organizationsWith(probe)) {
    const pruned = await withTenant(organizationId, (tx) => tx.deferredNotification.deleteMany({ where: { sendAt: { lt: new Date(now.getTime() - KEEP_MS) } } }));
    result.pruned += pruned.count;
    const rows = await withTenant(organizationId, (tx) =>
      tx.deferredNotification.findMany({
        where: { sentAt: null, sendAt: { gt: new Date(now.getTime() - MAX_LATE_MS) } },
        select: { key: true, payload: true, sendAt: true },
        orderBy: { sendAt: "asc" },
      }),
    );
    for (const row of rows) {
      result.pending++;
      if (await queue.getJob(row.key)) continue;
      const payload = deferredNotificationPayloadSchema.parse(row.payload);
      await armDeferredNotification({ key: row.key, payload, sendAt: row.sendAt, now });
      result.rearmed++;
    }
  }
  return result;
}
