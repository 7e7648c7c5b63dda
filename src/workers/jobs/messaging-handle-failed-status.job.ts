import { z } from "zod";
import { handleFailedStatus } from "../../modules/messaging/handle-failed-status";
import { defineJob } from "../define-job";

export const messagingHandleFailedStatus = defineJob({
  name: "messaging.handle-failed-status",
  queue: "outbound",
  schema: z.object({ organizationId: z.string().min(1), messageId: z.string().min(1) }),
  handler: (payload) => handleFailedStatus(payload),
});
