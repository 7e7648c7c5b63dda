import { z } from "zod";
import { runAssistantTurn } from "../../modules/assistant/run-assistant-turn";
import { FOLLOW_UP_JOBS } from "../../modules/inbound/follow-up";
import { defineJob } from "../define-job";

// A closed customer turn → the assistant's answer. Idempotent on the turn (AssistantRun.turnId is unique and the
// reply's idempotency key is the turn), so retries after a crash never answer twice.
export const assistantAnswerTurn = defineJob({
  name: FOLLOW_UP_JOBS.answerTurn,
  queue: "assistant",
  schema: z.object({ organizationId: z.string().min(1), conversationId: z.string().min(1), turnId: z.string().min(1) }),
  defaults: { attempts: 3, backoff: { type: "exponential", delay: 2_000 } },
  handler: (payload) => runAssistantTurn(payload),
});
