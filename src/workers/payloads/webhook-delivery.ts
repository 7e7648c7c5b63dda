import { z } from "zod";

// What the web process enqueues for a verified webhook delivery: the provider's bytes (or Twilio's form fields)
// exactly as received, so the worker parses them and nothing is lost. deliveryId = sha256 of the raw body (hex);
// the BullMQ job id is `wh-<provider>-<deliveryId>`, which collapses exact redeliveries while the job is kept.
const common = {
  deliveryId: z.string().regex(/^[a-f0-9]{64}$/),
  receivedAt: z.iso.datetime(),
};

export const webhookDeliverySchema = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("META_DIRECT"), ...common, rawBody: z.string().min(2) }),
  // The organization comes from the ?orgId= of the URL, verified with that organization's webhook secret.
  z.object({ provider: z.literal("DIALOG_360"), ...common, organizationId: z.string().min(1), rawBody: z.string().min(2) }),
  z.object({
    provider: z.literal("TWILIO"),
    ...common,
    kind: z.enum(["message", "status"]),
    params: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  }),
]);

export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const PROCESS_WEBHOOK_JOB = "whatsapp.process-webhook";

export function webhookJobId(delivery: Pick<WebhookDelivery, "provider" | "deliveryId">): string {
  return `wh-${delivery.provider}-${delivery.deliveryId}`;
}
