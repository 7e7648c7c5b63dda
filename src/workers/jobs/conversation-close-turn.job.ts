import { z } from "zod";
import { withTenant } from "../../lib/db";
import { publishOrganizationEvents } from "../../modules/events/publish-organization-events";
import { closeConversationTurn } from "../../modules/inbound/close-conversation-turn";
import { FOLLOW_UP_JOBS } from "../../modules/inbound/follow-up";
import { defineJob } from "../define-job";
import { runFollowUps } from "./run-follow-ups";

// Fires INBOUND_AGGREGATION_WINDOW_MS after an inbound message (a delayed job, jobId turn-<message id>; at once for
// an emergency). A closed turn is handed to the assistant (jobId assistant-<turn id>: one answer per turn).
export const conversationCloseTurn = defineJob({
  name: FOLLOW_UP_JOBS.closeTurn,
  queue: "conversations",
  schema: z.object({ organizationId: z.string().min(1), conversationId: z.string().min(1), triggerMessageId: z.string().min(1) }),
  async handler(payload) {
    const result = await withTenant(payload.organizationId, (tx) => closeConversationTurn(tx, payload));
    await publishOrganizationEvents(result.events);
    if (result.turnId) {
      await runFollowUps({
        events: [],
        jobs: [{ name: FOLLOW_UP_JOBS.answerTurn, payload: { organizationId: payload.organizationId, conversationId: payload.conversationId, turnId: result.turnId }, jobId: `assistant-${result.turnId}` }],
      });
    }
    return { turnId: result.turnId };
  },
});
