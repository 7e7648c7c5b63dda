export { reconcileJobReminders } from "./reconcile-job-reminders";
export type { ReminderReconcile } from "./reconcile-job-reminders";
export { reconcileScheduledWork } from "./reconcile-scheduled-work";
export type { ScheduledWorkReconcile } from "./reconcile-scheduled-work";
export { reconcileTurns } from "./reconcile-turns";
export { reconcileDeferredNotifications } from "./reconcile-deferred-notifications"; // issue 22 (ops)
export type { DeferredReconcile } from "./reconcile-deferred-notifications"; // issue 22 (ops)
