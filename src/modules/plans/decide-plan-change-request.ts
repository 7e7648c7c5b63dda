import type { Database, Tier } from "@campotech/database";
import type { PlanChangeStatus } from "./get-plan-overview";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";

const STATUS_ES: Record<PlanChangeStatus, string> = { PENDING: "pendiente", APPLIED: "aplicado", REJECTED: "rechazado", CANCELLED: "cancelado" };

export type PlanChangeDecision = { id: string; organizationId: string; status: PlanChangeStatus; fromTier: Tier; toTier: Tier; tier: Tier };

// A CampoTech operator applies a request (the organization moves to the plan, which ends any trial: trialEndsAt is
// cleared) or rejects it. Deciding the same way twice answers the same; the other way round is a conflict.
export async function decidePlanChangeRequest(
  admin: Database,
  input: { requestId: string; decision: "apply" | "reject"; operator: string },
  now: Date = new Date(),
): Promise<PlanChangeDecision> {
  return admin.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PlanChangeRequest" WHERE id = ${input.requestId} FOR UPDATE`;
    if (!rows.length) throw new AppError("NOT_FOUND", { message: `El pedido ${input.requestId} no existe.` });
    const request = await tx.planChangeRequest.findUniqueOrThrow({ where: { id: input.requestId }, select: { id: true, organizationId: true, status: true, fromTier: true, toTier: true } });
    const wanted: PlanChangeStatus = input.decision === "apply" ? "APPLIED" : "REJECTED";
    const current = async () => (await tx.organization.findUniqueOrThrow({ where: { id: request.organizationId }, select: { tier: true } })).tier;
    if (request.status === wanted) return { ...request, tier: await current() };
    if (request.status !== "PENDING") throw new AppError("CONFLICT", { message: `El pedido ya está ${STATUS_ES[request.status]}: no se puede cambiar.` });
    if (wanted === "APPLIED") {
      await tx.organization.update({ where: { id: request.organizationId }, data: { tier: request.toTier, trialEndsAt: null } });
    }
    await tx.planChangeRequest.update({ where: { id: request.id }, data: { status: wanted, decidedAt: now } });
    await appendAuditLog(tx, {
      organizationId: request.organizationId, actorType: "OPERATOR", actorId: input.operator,
      action: wanted === "APPLIED" ? "plan.change_applied" : "plan.change_rejected", entityType: "PlanChangeRequest", entityId: request.id,
      metadata: { fromTier: request.fromTier, toTier: request.toTier },
    });
    return { ...request, status: wanted, tier: await current() };
  });
}
