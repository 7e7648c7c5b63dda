import type { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import type { DeferredNotificationPayload } from "./deferred-notification.schemas";
import { notificationsQueue, SEND_DEFERRED_JOB } from "./notifications-queue";

// The row is written first and is the truth: if Redis loses the delayed job (or the add fails after the commit), the
// reconcile job re-arms it from here. A repeated deferral with the same key keeps the first row and the first job.
export async function deferNotification(input: { organizationId: string; key: string; payload: DeferredNotificationPayload; until: Date; now: Date }): Promise<void> {
  const { organizationId, key, payload, until, now } = input;
  await withTenant(organizationId, (tx) =>
    tx.deferredNotification.upsert({
      where: { organizationId_key: { organizationId, key } },
      create: { organizationId, key, kind: payload.kind, payload: JSON.parse(JSON.stringify(payload)) as Prisma.InputJsonValue, sendAt: until },
      update: {},
    }),
  );
  await armDeferredNotification({ key, payload, sendAt: until, now });
}

// The job id is the row's key: BullMQ refuses a second job with a live id, so arming twice queues once.
export async function armDeferredNotification(input: { key: string; payload: DeferredNotificationPayload; sendAt: Date; now: Date }): Promise<void> {
  await notificationsQueue().add(SEND_DEFERRED_JOB, input.payload, {
    jobId: input.key,
    delay: Math.max(0, input.sendAt.getTime() - input.now.getTime()),
    timestamp: input.now.getTime(),
    attempts: 3,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { age: 7 * 24 * 3600 },
  });
}
