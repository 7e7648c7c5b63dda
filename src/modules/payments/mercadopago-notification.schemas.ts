import { z } from "zod";

// What the webhook hands to the worker: only who and what to re-read; the worker asks MercadoPago for the state.
export const mercadoPagoNotificationSchema = z.object({
  topic: z.enum(["payment", "mp-connect"]),
  action: z.string().max(100),
  mpUserId: z.string().regex(/^\d{1,20}$/),
  dataId: z.string().min(1).max(64),
  receivedAt: z.string(),
});

export type MercadoPagoNotification = z.infer<typeof mercadoPagoNotificationSchema>;
