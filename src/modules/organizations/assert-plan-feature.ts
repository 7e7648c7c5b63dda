import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { effectiveTier } from "./effective-tier";
import { FEATURE_MIN_TIER, includesFeature, upsellMessage, type PlanFeature } from "./features";

// Refuses what the organization's plan does not include with PLAN_REQUIRED: the Spanish reason and, in `fields`, the
// feature and the first plan that includes it, so the dashboard can show an upgrade instead of an error.
export async function assertPlanFeature(tx: TenantTx, organizationId: string, feature: PlanFeature, now: Date = new Date()): Promise<void> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { tier: true, trialEndsAt: true } });
  if (!includesFeature(effectiveTier(organization, now), feature)) throw planRequired(feature);
}

// `override` serves counted limits (responder seats), where the reason names the current plan's number and the plan
// that lifts it, not just the feature's first plan.
export function planRequired(feature: PlanFeature, override: { message?: string; requiredPlan?: string } = {}): AppError {
  return new AppError("PLAN_REQUIRED", {
    message: override.message ?? upsellMessage(feature),
    fields: { feature, requiredPlan: override.requiredPlan ?? FEATURE_MIN_TIER[feature] },
  });
}
