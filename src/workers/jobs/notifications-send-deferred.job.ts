import { z } from "zod";
import { SEND_DEFERRED_JOB } from "../../modules/notifications/notifications-queue";
import { notifyCustomer } from "../../modules/notifications/notify-customer";
import { notifyCustomerInputSchema } from "../../modules/notifications/notify-customer.schemas";
import { defineJob } from "../define-job";

// A notification that waited for quiet hours to end. jobId = deferred-<org>-<dedupeKey>; the send itself is
// idempotent on the same key.
export const notificationsSendDeferred = defineJob({
  name: SEND_DEFERRED_JOB,
  queue: "notifications",
  schema: z.object({ kind: z.literal("customer"), input: notifyCustomerInputSchema }),
  handler: (payload) => notifyCustomer(payload.input, { deferred: true }),
});
