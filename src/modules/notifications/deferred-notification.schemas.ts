import { z } from "zod";
import { notifyCustomerInputSchema } from "./notify-customer.schemas";
import { notifyStaffInputSchema } from "./notify-staff";

// The deferred job's payload and the DeferredNotification row's `payload` column (dates travel as strings in both).
export const deferredNotificationPayloadSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("customer"), input: notifyCustomerInputSchema }),
  z.object({ kind: z.literal("staff"), input: notifyStaffInputSchema }),
]);

export type DeferredNotificationPayload = z.input<typeof deferredNotificationPayloadSchema>;
