import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { assertSessionCurrent } from "../auth/session-state";
import { isPlatformOperator } from "./platform-operator-access";
import type { QueueBoardOperator } from "./queue-board-tokens";

// Run on every board request, not only when the ticket is redeemed: logging out of the panel, a deactivation, a
// role change or a revoked operator flag closes the board at the next request, not when its cookie expires.
export async function checkQueueBoardOperator(operator: QueueBoardOperator): Promise<void> {
  await assertSessionCurrent({ sub: operator.userId, org: operator.organizationId, role: operator.role, sv: operator.sessionVersion });
  const allowed = await withTenant(operator.organizationId, (tx) => isPlatformOperator(tx, operator.userId));
  if (!allowed) throw new AppError("FORBIDDEN", { message: "Tu usuario no es operador de la plataforma.", detail: "not a platform operator" });
}
