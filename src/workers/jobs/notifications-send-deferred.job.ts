import { SEND_DEFERRED_JOB } from "../../modules/notifications/notifications-queue";
import { deferredNotificationPayloadSchema } from "../../modules/notifications/deferred-notification.schemas";
import { sendDeferredNotification } from "../../modules/notifications/send-deferred-notification";
import { defineJob } from "../define-job";

// A notification that waited for quiet hours to end. The job id is the DeferredNotification row's key
// (deferred-<org>-<key>); the row says whether it already went out (issue 22: durable deferrals).
export const notificationsSendDeferred = defineJob({
  name: SEND_DEFERRED_JOB,
  queue: "notifications",
  schema: deferredNotificationPayloadSchema,
  handler: (payload, ctx) => sendDeferredNotification(payload, { key: ctx.jobId }),
});
