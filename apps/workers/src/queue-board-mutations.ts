import type { BeforeHookResult, HookContext } from "@bull-board/api/typings/app";
import { auditQueueBoardAction, type QueueBoardAction, type QueueBoardOperator } from "@campotech/core/modules/operators";

// What an operator may change from the board: the everyday repairs after an incident (retry failed jobs, promote
// delayed ones, clean finished ones, pause and resume a queue, run a scheduler now). Refused: emptying or
// obliterating a queue (waiting work would vanish without a trace), adding jobs or editing their data, delay or
// priority (jobs are made by our code from the catalog's schemas, with ids as idempotency keys), and changing
// schedulers, concurrency or rate limits (the workers set those at start; an edit here would silently diverge).
export const ALLOWED_BOARD_MUTATIONS = new Set([
  "/api/queues/pause",
  "/api/queues/resume",
  "/api/queues/:queueName/pause",
  "/api/queues/:queueName/resume",
  "/api/queues/:queueName/retry/:queueStatus",
  "/api/queues/:queueName/promote",
  "/api/queues/:queueName/clean/:queueStatus",
  "/api/queues/:queueName/rate-limit/release",
  "/api/queues/:queueName/job-schedulers/:schedulerId/run",
  "/api/queues/:queueName/:jobId/retry",
  "/api/queues/:queueName/:jobId/clean",
  "/api/queues/:queueName/:jobId/promote",
]);

// Bull Board's before-hook: reads pass; an allowed change is audited first (no audit row, no change); the rest 403.
export async function guardBoardMutation(context: HookContext, operator: QueueBoardOperator | undefined): Promise<BeforeHookResult> {
  if (context.method === "get") return;
  if (!operator || !ALLOWED_BOARD_MUTATIONS.has(context.route)) {
    return { allow: false, status: 403, message: "Esta acción no está habilitada en el tablero de CampoTech." };
  }
  const params = context.request.params as Record<string, string | undefined>;
  const action: QueueBoardAction = { method: context.method.toUpperCase(), route: context.route };
  if (params.queueName) action.queueName = params.queueName;
  if (params.jobId) action.jobId = params.jobId;
  if (params.queueStatus) action.status = params.queueStatus;
  if (params.schedulerId) action.schedulerId = params.schedulerId;
  await auditQueueBoardAction(operator, action);
}
