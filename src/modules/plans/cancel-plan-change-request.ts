import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";

// The owner changes their mind. Cancelling twice answers the same; a request an operator already decided cannot be
// cancelled (the plan already changed, or was refused).
export async function cancelPlanChangeRequest(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  requestId: string,
  now: Date = new Date(),
): Promise<{ id: string; status: "CANCELLED" }> {
  const request = await tx.planChangeRequest.findFirst({ where: { id: requestId }, select: { id: true, status: true, toTier: true } });
  if (!request) throw new AppError("NOT_FOUND", { message: "El pedido de cambio de plan no existe." });
  if (request.status === "CANCELLED") return { id: request.id, status: "CANCELLED" };
  if (request.status !== "PENDING") throw new AppError("CONFLICT", { message: "Ese pedido ya fue resuelto por el equipo de CampoTech: no se puede cancelar." });
  await tx.planChangeRequest.update({ where: { id: request.id }, data: { status: "CANCELLED", decidedAt: now } });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "plan.change_request_cancelled", entityType: "PlanChangeRequest", entityId: request.id,
    metadata: { toTier: request.toTier },
  });
  return { id: request.id, status: "CANCELLED" };
}
