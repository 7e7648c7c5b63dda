import { z } from "zod";

export const CUSTOMER_EVENTS = ["job_scheduled", "technician_on_the_way", "job_completed", "invoice_ready", "payment_confirmed", "payment_reminder", "job_reminder"] as const;

// Also the payload of a deferred notification, so dates are coerced (they travel through Redis as strings).
export const notifyCustomerInputSchema = z.object({
  event: z.enum(CUSTOMER_EVENTS),
  organizationId: z.string().min(1),
  customerId: z.string().min(1),
  conversationId: z.string().min(1).optional(),
  urgency: z.enum(["EMERGENCY", "HIGH", "NORMAL"]).default("NORMAL"),
  // Makes the send idempotent (one message per key) and names the deferred job. Defaults to event + job/customer.
  dedupeKey: z.string().min(1).max(150).optional(),
  context: z
    .object({
      jobId: z.string().optional(),
      jobStart: z.coerce.date().optional(),
      technicianName: z.string().optional(),
      amountCents: z.number().int().optional(),
      link: z.string().optional(),
      dueDate: z.coerce.date().optional(),
    })
    .default({}),
});

export type NotifyCustomerInput = z.input<typeof notifyCustomerInputSchema>;
export type CustomerEvent = (typeof CUSTOMER_EVENTS)[number];
