import { withTenant } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import type { QueueBoardOperator } from "./queue-board-tokens";

export type QueueBoardAction = { method: string; route: string; queueName?: string; jobId?: string; status?: string; schedulerId?: string };

// Every change made from the queue dashboard (retry, promote, clean, pause…) is written to the operator's own
// organization's audit log before it runs: if the row cannot be written, the change is not made.
export async function auditQueueBoardAction(operator: QueueBoardOperator, action: QueueBoardAction): Promise<void> {
  await withTenant(operator.organizationId, (tx) =>
    appendAuditLog(tx, {
      organizationId: operator.organizationId,
      actorType: "OPERATOR",
      actorId: operator.userId,
      action: "queues.board_action",
      entityType: "Queue",
      entityId: action.queueName ?? null,
      metadata: action,
    }),
  );
}
