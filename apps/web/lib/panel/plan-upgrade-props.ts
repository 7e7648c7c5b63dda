import { FEATURE_MIN_TIER, FEATURE_NAMES, featuresAddedBy, PLAN_NAMES, type PlanFeature } from "@campotech/core/modules/organizations";
import type { PlanUpgradeProps } from "@/components/panel/plan-upgrade";

// What <PlanUpgrade> says for a feature, read from the plan matrix on the server (client components get the texts).
export function planUpgradeProps(feature: PlanFeature, testId?: string): PlanUpgradeProps {
  const tier = FEATURE_MIN_TIER[feature];
  return {
    requiredPlanName: PLAN_NAMES[tier],
    message: `Tu plan actual no incluye: ${FEATURE_NAMES[feature]}.`,
    adds: featuresAddedBy(tier).map((f) => FEATURE_NAMES[f]),
    ...(testId ? { testId } : {}),
  };
}
