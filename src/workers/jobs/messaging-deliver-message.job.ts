import { z } from "zod";
import { deliverMessage } from "../../modules/messaging/deliver-message";
import { DELIVER_JOB } from "../../modules/messaging/enqueue-delivery";
import { defineJob } from "../define-job";

// One delivery attempt. Throttling and our retry schedule come back as DelayJob (the job waits, no failed
// attempt); BullMQ's own attempts only cover crashes mid-job.
export const messagingDeliverMessage = defineJob({
  name: DELIVER_JOB,
  queue: "outbound",
  schema: z.object({ organizationId: z.string().min(1), messageId: z.string().min(1) }),
  async handler(payload, ctx) {
    const result = await deliverMessage(payload);
    ctx.logger.info({ ...payload, ...result }, "delivery attempt");
    return result;
  },
});
