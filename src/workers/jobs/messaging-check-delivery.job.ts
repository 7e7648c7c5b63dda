import { z } from "zod";
import { checkDelivery } from "../../modules/messaging/check-delivery";
import { CHECK_DELIVERY_JOB } from "../../modules/messaging/enqueue-delivery";
import { defineJob } from "../define-job";

export const messagingCheckDelivery = defineJob({
  name: CHECK_DELIVERY_JOB,
  queue: "outbound",
  schema: z.object({ organizationId: z.string().min(1), messageId: z.string().min(1) }),
  handler: (payload) => checkDelivery(payload),
});
