import { z } from "zod";
import { SEND_DEFERRED_JOB } from "../../modules/notifications/notifications-queue";
import { notifyCustomer } from "../../modules/notifications/notify-customer";
import { notifyCustomerInputSchema } from "../../modules/notifications/notify-customer.schemas";
import { notifyStaff, notifyStaffInputSchema } from "../../modules/notifications/notify-staff";
import { defineJob } from "../define-job";

// A notification that waited for quiet hours to end. The job id names it (deferred-<org>-<key>), and the
// customer send itself is idempotent on the same key.
export const notificationsSendDeferred = defineJob({
  name: SEND_DEFERRED_JOB,
  queue: "notifications",
  schema: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("customer"), input: notifyCustomerInputSchema }),
    z.object({ kind: z.literal("staff"), input: notifyStaffInputSchema }),
  ]),
  handler: (payload) => (payload.kind === "customer" ? notifyCustomer(payload.input, { deferred: true }) : notifyStaff(payload.input, { deferred: true })),
});
