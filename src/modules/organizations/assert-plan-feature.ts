import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { FEATURE_UPSELL, planFeatures, type PlanFeatures } from "./features";

// Refuses (403, with the plan that includes it) what the organization's plan does not include.
export async function assertPlanFeature(tx: TenantTx, organizationId: string, feature: keyof PlanFeatures): Promise<void> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { tier: true } });
  if (!planFeatures(organization.tier)[feature]) throw new AppError("FORBIDDEN", { message: FEATURE_UPSELL[feature] });
}
