import { getQueue } from "../../workers/queue-registry";

export const SEND_DEFERRED_JOB = "notifications.send-deferred";
export const JOB_REMINDER_JOB = "notifications.job-reminder";
export const JOB_CHANGED_JOB = "notifications.job-changed";

export function notificationsQueue() {
  return getQueue("notifications");
}
