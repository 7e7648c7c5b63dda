import { z } from "zod";
import { withTenant } from "../../lib/db";
import { publishOrganizationEvents } from "../../modules/events/publish-organization-events";
import { closeConversationTurn } from "../../modules/inbound/close-conversation-turn";
import { FOLLOW_UP_JOBS } from "../../modules/inbound/follow-up";
import { defineJob } from "../define-job";

// Fires INBOUND_AGGREGATION_WINDOW_MS after an inbound message (a delayed job, jobId turn-<message id>). The
// assistant (a later issue) hooks in on the conversation.turn event / the ConversationTurn row.
export const conversationCloseTurn = defineJob({
  name: FOLLOW_UP_JOBS.closeTurn,
  queue: "conversations",
  schema: z.object({ organizationId: z.string().min(1), conversationId: z.string().min(1), triggerMessageId: z.string().min(1) }),
  async handler(payload) {
    const result = await withTenant(payload.organizationId, (tx) => closeConversationTurn(tx, payload));
    await publishOrganizationEvents(result.events);
    return { turnId: result.turnId };
  },
});
