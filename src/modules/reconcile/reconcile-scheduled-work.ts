import { reconcileDeferredNotifications, type DeferredReconcile } from "./reconcile-deferred-notifications";
import { reconcileJobReminders, type ReminderReconcile } from "./reconcile-job-reminders";
import { reconcileTurns } from "./reconcile-turns";

export type ScheduledWorkReconcile = { reminders: ReminderReconcile; turns: { conversations: number; rearmed: number }; deferred: DeferredReconcile };

// What lives in Redis only until it runs, re-derived from Postgres (the source of truth). Outbound deliveries have
// their own sweep (messaging/requeue-stranded.ts, scheduled sends included); periodic jobs are re-registered by the
// workers themselves (apps/workers/src/main.ts). Notifications deferred by quiet hours have a DeferredNotification row
// each. Payment reminders and number-reservation expiries need nothing here: they are periodic sweeps over Postgres
// (payments.maintenance, provisioning.expire-reservations), and a reminder they defer is a DeferredNotification.
export async function reconcileScheduledWork(input: { now?: Date } = {}): Promise<ScheduledWorkReconcile> {
  const reminders = await reconcileJobReminders(input);
  const turns = await reconcileTurns(input);
  const deferred = await reconcileDeferredNotifications(input);
  return { reminders, turns, deferred };
}
