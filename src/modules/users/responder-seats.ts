import type { Tier, UserRole } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { planRequired } from "../organizations/assert-plan-feature";
import { effectiveTier } from "../organizations/effective-tier";
import { PLAN_NAMES, PLAN_ORDER } from "../organizations/features";
import { TIER_LIMITS } from "../organizations/tiers";

// The people who answer customers in the shared inbox. The plan limits how many of them are active at once
// (TIER_LIMITS.responders): technicians and viewers are free, so a business can grow its crew on any plan.
export const RESPONDER_ROLES: readonly UserRole[] = ["OWNER", "ADMIN", "DISPATCHER"];

export const isResponderRole = (role: UserRole) => RESPONDER_ROLES.includes(role);

// Refuses one more responder when the plan's seats are taken. Counted: active responders (except `excludeUserId`, the
// person being changed) and, when inviting, pending invitations into a responder role that have not expired, so two
// invitations sent before either is accepted cannot overshoot the limit. Locks the organization row so two
// concurrent additions count each other.
export async function assertResponderSeat(
  tx: TenantTx,
  organizationId: string,
  options: { excludeUserId?: string; countInvitations?: boolean; now: Date },
): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { tier: true, trialEndsAt: true } });
  const tier = effectiveTier(organization, options.now);
  const limit = TIER_LIMITS[tier].responders;
  if (limit === null) return;
  const users = await tx.user.count({
    where: { organizationId, isActive: true, role: { in: [...RESPONDER_ROLES] }, ...(options.excludeUserId ? { id: { not: options.excludeUserId } } : {}) },
  });
  const invitations = options.countInvitations
    ? await tx.teamInvitation.count({ where: { organizationId, status: "PENDING", role: { in: [...RESPONDER_ROLES] }, expiresAt: { gt: options.now } } })
    : 0;
  if (users + invitations < limit) return;
  const next = nextTierWithMoreSeats(tier, users + invitations + 1);
  throw planRequired("multipleResponders", {
    message:
      `Tu plan ${PLAN_NAMES[tier]} tiene ${limit} ${limit === 1 ? "lugar" : "lugares"} para responder (dueños, administradores y despachantes activos) y ya están ocupados.` +
      (next ? ` Con el plan ${PLAN_NAMES[next]} podés sumar más personas.` : "") +
      " Los técnicos no ocupan lugar.",
    ...(next ? { requiredPlan: next } : {}),
  });
}

function nextTierWithMoreSeats(tier: Tier, needed: number): Tier | null {
  for (const candidate of PLAN_ORDER.slice(PLAN_ORDER.indexOf(tier) + 1)) {
    const limit = TIER_LIMITS[candidate].responders;
    if (limit === null || limit >= needed) return candidate;
  }
  return null;
}
