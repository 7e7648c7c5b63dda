import { reconcileJobReminders, type ReminderReconcile } from "./reconcile-job-reminders";
import { reconcileTurns } from "./reconcile-turns";

export type ScheduledWorkReconcile = { reminders: ReminderReconcile; turns: { conversations: number; rearmed: number } };

// What lives in Redis only until it runs, re-derived from Postgres (the source of truth). Outbound deliveries have
// their own sweep (messaging/requeue-stranded.ts, scheduled sends included); periodic jobs are re-registered by the
// workers themselves (apps/workers/src/main.ts). Not covered yet: customer notifications deferred by quiet hours
// (a delayed job with no row in Postgres) — see docs/deploy.md.
export async function reconcileScheduledWork(input: { now?: Date } = {}): Promise<ScheduledWorkReconcile> {
  const reminders = await reconcileJobReminders(input);
  const turns = await reconcileTurns(input);
  return { reminders, turns };
}
