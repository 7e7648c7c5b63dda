import { withTenant } from "../../lib/db";
import { deferredNotificationPayloadSchema, type DeferredNotificationPayload } from "./deferred-notification.schemas";
import { notifyCustomer, type NotifyCustomerResult } from "./notify-customer";
import { notifyStaff, type StaffDelivery } from "./notify-staff";

export type DeferredSendResult = { status: "already_sent" } | { status: "sent"; result: NotifyCustomerResult | StaffDelivery[] };

// Runs a notification whose quiet hours ended. The row's sentAt is checked before and set after the send, so a job
// re-armed by the reconcile next to one that survived sends once; a customer send is idempotent on its own key as
// well (the outbound delivery's idempotency key), which covers a crash between the send and the mark. Jobs queued
// before the table existed have no row and simply send.
export async function sendDeferredNotification(raw: DeferredNotificationPayload, options: { key: string; now?: Date }): Promise<DeferredSendResult> {
  const payload = deferredNotificationPayloadSchema.parse(raw);
  const organizationId = payload.input.organizationId;
  const where = { organizationId_key: { organizationId, key: options.key } };
  const row = await withTenant(organizationId, (tx) => tx.deferredNotification.findUnique({ where, select: { id: true, sentAt: true } }));
  if (row?.sentAt) return { status: "already_sent" };
  const now = options.now ?? new Date();
  const result =
    payload.kind === "customer"
      ? await notifyCustomer(payload.input, { deferred: true, now })
      : await notifyStaff(payload.input, { deferred: true, now });
  if (row) await withTenant(organizationId, (tx) => tx.deferredNotification.updateMany({ where: { id: row.id, sentAt: null }, data: { sentAt: now } }));
  return { status: "sent", result };
}
