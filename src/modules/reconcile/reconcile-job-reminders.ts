import { Prisma } from "@campotech/database";
import type { Redis } from "ioredis";
import { withTenant } from "../../lib/db";
import { sharedRedis } from "../../lib/redis";
import { notificationsQueue } from "../notifications/notifications-queue";
import { REMINDER_OFFSETS, reminderJobId, reminderSetKey } from "../notifications/reminder-registry";
import { armJobReminder, reminderJobSchema } from "../notifications/schedule-job-reminders";
import { organizationsWith } from "./organization-ids";

export type ReminderReconcile = { jobs: number; rearmed: number; caughtUp: number; reregistered: number };

const LOOKAHEAD_MS = 24 * 3600_000 + 60_000;
// A reminder missed while Redis was gone is still sent if its time passed less than this ago (and the visit has
// not started): late is better than never for "tu técnico llega en 30 minutos", but not hours late.
const CATCH_UP_MS = 2 * 3600_000;

/**
 * Postgres says which visits are scheduled, so it says which reminders should exist. Each one Redis no longer holds
 * is armed again; of those whose time passed while they were missing, only the closest to the visit is sent now, and
 * only if no message went out for it (the send's idempotency key is in Postgres) — so none is missed, none doubled.
 */
export async function reconcileJobReminders(input: { now?: Date; redis?: Redis } = {}): Promise<ReminderReconcile> {
  const now = input.now ?? new Date();
  const redis = input.redis ?? sharedRedis();
  const queue = notificationsQueue();
  const result: ReminderReconcile = { jobs: 0, rearmed: 0, caughtUp: 0, reregistered: 0 };
  const probe = Prisma.sql`EXISTS (SELECT 1 FROM "Job" WHERE "status" = 'scheduled' AND "technicianId" IS NOT NULL
    AND "scheduledStart" > ${now.toISOString()}::timestamp AND "scheduledStart" <= ${new Date(now.getTime() + LOOKAHEAD_MS).toISOString()}::timestamp)`;
  for (const organizationId of await organizationsWith(probe)) {
    const jobs = await withTenant(organizationId, (tx) =>
      tx.job.findMany({
        where: { status: "scheduled", technicianId: { not: null }, scheduledStart: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) } },
        select: { id: true, customerId: true, scheduledStart: true, urgency: true, status: true, updatedAt: true, technician: { select: { name: true } } },
      }),
    );
    for (const row of jobs) {
      result.jobs++;
      const job = reminderJobSchema.parse({ ...row, organizationId, technicianName: row.technician?.name ?? "" });
      const offsets = REMINDER_OFFSETS.map((o) => ({ ...o, fireAt: job.scheduledStart.getTime() - o.ms, id: reminderJobId(job.id, o.label, job.scheduledStart) }));
      for (const offset of offsets.filter((o) => o.fireAt > now.getTime())) {
        if (await queue.getJob(offset.id)) {
          if ((await redis.sadd(reminderSetKey(job.id), offset.id)) === 1) result.reregistered++;
          continue;
        }
        await armJobReminder({ job, offset: offset.label, delayMs: offset.fireAt - now.getTime(), now }, redis);
        result.rearmed++;
      }
      // A reminder whose time had already passed when the visit got its current time was never owed: scheduling
      // skips it on purpose (booked 45 minutes ahead: no "1 h" reminder). Only a reminder due after the job's last
      // change can have been lost with Redis. (Any later edit also moves updatedAt, so at worst a catch-up is
      // skipped, never doubled.)
      const missed = offsets
        .filter((o) => o.fireAt <= now.getTime() && o.fireAt > now.getTime() - CATCH_UP_MS && o.fireAt > row.updatedAt.getTime())
        .at(-1);
      if (!missed || (await queue.getJob(missed.id))) continue;
      const sent = await withTenant(organizationId, (tx) =>
        tx.outboundDelivery.findFirst({ where: { idempotencyKey: `notification-${missed.id}` }, select: { messageId: true } }),
      );
      if (sent) continue;
      await armJobReminder({ job, offset: missed.label, delayMs: 0, now }, redis);
      result.caughtUp++;
    }
  }
  return result;
}
