import { getQueue } from "../../workers/queue-registry";

export const SEND_DEFERRED_JOB = "notifications.send-deferred";
export const JOB_REMINDER_JOB = "notifications.job-reminder";

export function notificationsQueue() {
  return getQueue("notifications");
}
