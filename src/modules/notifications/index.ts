export { cancelJobReminders } from "./cancel-job-reminders";
export { notificationSettings } from "./notification-settings";
export type { NotificationSettings, StaffPreference } from "./notification-settings";
export { enqueueJobChanges } from "./enqueue-job-changes";
export { handleJobChange } from "./handle-job-change";
export type { JobChangeEffect } from "./handle-job-change";
export { jobChangeSchema } from "./job-change.schemas";
export type { JobChange } from "./job-change.schemas";
export { JOB_CHANGED_JOB, JOB_REMINDER_JOB, SEND_DEFERRED_JOB } from "./notifications-queue";
export { notifyCustomer } from "./notify-customer";
export type { NotifyCustomerResult } from "./notify-customer";
export { notifyStaff, notifyStaffInputSchema } from "./notify-staff";
export type { NotifyStaffInput, StaffDelivery } from "./notify-staff";
export { CUSTOMER_EVENTS, notifyCustomerInputSchema } from "./notify-customer.schemas";
export type { CustomerEvent, NotifyCustomerInput } from "./notify-customer.schemas";
export { DEFAULT_QUIET_HOURS, quietHoursDecision } from "./quiet-hours-decision";
export type { QuietHours, QuietHoursDecision, Urgency } from "./quiet-hours-decision";
export { REMINDER_OFFSETS, reminderJobId } from "./reminder-registry";
export { runJobReminder } from "./run-job-reminder";
export { jobReminderPayloadSchema, scheduleJobReminders } from "./schedule-job-reminders";
export type { ReminderJob } from "./schedule-job-reminders";
export { trackingLink, trackingToken, verifyTrackingToken } from "./tracking-link";
export { getNotificationPreferences } from "./get-notification-preferences";
export type { NotificationPreferencesView } from "./get-notification-preferences";
export { notificationPreferencesInputSchema, quietHoursInputSchema } from "./notification-preferences.schemas";
export type { NotificationPreferencesInput } from "./notification-preferences.schemas";
export { registerPushToken } from "./register-push-token";
export { setNotificationPreferences } from "./set-notification-preferences";
export { getOrganizationNotificationSettings } from "./get-organization-notification-settings";
export type { OrganizationNotificationView } from "./get-organization-notification-settings";
export { setOrganizationQuietHours } from "./set-organization-quiet-hours";
export { deferNotification } from "./defer-notification"; // issue 22 (ops)
export { deferredNotificationPayloadSchema } from "./deferred-notification.schemas"; // issue 22 (ops)
export type { DeferredNotificationPayload } from "./deferred-notification.schemas"; // issue 22 (ops)
export { sendDeferredNotification } from "./send-deferred-notification"; // issue 22 (ops)
export type { DeferredSendResult } from "./send-deferred-notification"; // issue 22 (ops)
