import { z } from "zod";
import { publishOrganizationEvents } from "../../modules/events/publish-organization-events";
import { FOLLOW_UP_JOBS } from "../../modules/inbound/follow-up";
import { sendQueuedMessage } from "../../modules/inbound/send-queued-message";
import { defineJob } from "../define-job";

// Sends a QUEUED outbound message row (jobId send-<message id>). Provider errors classified retry/retry_recipient
// throw and retry with backoff; anything else marks the row FAILED. The outbound engine takes this job over.
export const outboundSendMessage = defineJob({
  name: FOLLOW_UP_JOBS.sendMessage,
  queue: "outbound",
  schema: z.object({ organizationId: z.string().min(1), messageId: z.string().min(1) }),
  defaults: { attempts: 5, backoff: { type: "exponential", delay: 2_000 } },
  async handler(payload) {
    const result = await sendQueuedMessage(payload);
    await publishOrganizationEvents(result.events);
    return { outcome: result.outcome };
  },
});
