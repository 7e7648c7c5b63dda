import { z } from "zod";
import { env } from "../../lib/env";
import { REPLAY_INBOUND_JOB } from "../../modules/inbound/request-inbound-replay";
import { replayInboundDeadLetters } from "../../modules/inbound/replay-inbound-dead-letters";
import { defineJob } from "../define-job";
import { runFollowUps } from "./run-follow-ups";

// issue 22 (poison): a replay asked for in the dashboard. Items still failing stay open with their new error.
export const inboundReplayDeadLetters = defineJob({
  name: REPLAY_INBOUND_JOB,
  queue: "webhooks",
  schema: z.object({ organizationId: z.string().min(1), id: z.string().min(1).optional() }),
  defaults: { attempts: 3, backoff: { type: "exponential", delay: 2_000 } },
  async handler(payload, ctx) {
    const result = await replayInboundDeadLetters(
      { organizationId: payload.organizationId, ...(payload.id ? { id: payload.id } : {}) },
      { aggregationWindowMs: env.INBOUND_AGGREGATION_WINDOW_MS, onCommitted: runFollowUps },
    ).catch((error: unknown) => {
      // Replayed meanwhile (CLI, a second click): nothing left to do.
      if ((error as { code?: string }).code === "NOT_FOUND") return { replayed: [], failed: [] };
      throw error;
    });
    if (result.failed.length) ctx.logger.warn({ organizationId: payload.organizationId, failed: result.failed }, "inbound replay: items still failing");
    return result;
  },
});
