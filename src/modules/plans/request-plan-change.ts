import type { Tier } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { PLAN_NAMES } from "../organizations/features";
import type { PlanChangeRequestView } from "./get-plan-overview";

export type RequestPlanChangeInput = { toTier: Tier; note?: string | undefined };
const SELECT = { id: true, fromTier: true, toTier: true, status: true, note: true, createdAt: true } as const;

// An owner or admin asks to move to another plan; a CampoTech operator applies it (campotech org plan-apply). One
// pending request per organization: a new one cancels the previous, and the same request sent twice (a double
// click, a retry) returns the pending one unchanged. Asking for the plan you already pay for is refused, but a
// trial's plan may be requested to keep it after the trial.
export async function requestPlanChange(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  input: RequestPlanChangeInput,
  now: Date = new Date(),
): Promise<PlanChangeRequestView> {
  // Serializes two requests of the same organization so both cannot stay pending.
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${actor.organizationId} FOR UPDATE`;
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { tier: true, trialEndsAt: true } });
  if (input.toTier === organization.tier && !organization.trialEndsAt) {
    const message = `Ya estás en el plan ${PLAN_NAMES[input.toTier]}.`;
    throw new AppError("VALIDATION_FAILED", { message, fields: { toTier: message } });
  }
  const note = input.note?.trim() || null;
  const pending = await tx.planChangeRequest.findFirst({ where: { status: "PENDING" }, select: SELECT });
  if (pending && pending.toTier === input.toTier && pending.note === note) return pending;
  if (pending) {
    await tx.planChangeRequest.update({ where: { id: pending.id }, data: { status: "CANCELLED", decidedAt: now } });
    await appendAuditLog(tx, {
      organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "plan.change_request_cancelled", entityType: "PlanChangeRequest", entityId: pending.id,
      metadata: { toTier: pending.toTier, replacedBy: input.toTier },
    });
  }
  const created = await tx.planChangeRequest.create({
    data: { organizationId: actor.organizationId, fromTier: organization.tier, toTier: input.toTier, requestedById: actor.userId, note, createdAt: now },
    select: SELECT,
  });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "plan.change_requested", entityType: "PlanChangeRequest", entityId: created.id,
    metadata: { fromTier: organization.tier, toTier: input.toTier },
  });
  return created;
}
