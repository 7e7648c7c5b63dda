import type { Tier } from "@campotech/database";
import { FEATURE_NAMES, featuresAddedBy, PLAN_NAMES, PLAN_ORDER, type PlanFeature } from "../organizations/features";
import { TIER_LIMITS } from "../organizations/tiers";
import { responderLimit } from "./responder-limit";

export type PlanCatalogEntry = {
  tier: Tier;
  name: string;
  // What this plan adds over the one below it (the matrix read through featuresAddedBy).
  adds: { feature: PlanFeature; name: string }[];
  limits: { monthlyMessages: number | null; monthlyAiConversations: number | null; responders: number | null };
};

// The five plans in order, for the plan page's comparison.
export function planCatalog(): PlanCatalogEntry[] {
  return PLAN_ORDER.map((tier) => ({
    tier,
    name: PLAN_NAMES[tier],
    adds: featuresAddedBy(tier).map((feature) => ({ feature, name: FEATURE_NAMES[feature] })),
    limits: { ...TIER_LIMITS[tier], responders: responderLimit(tier) },
  }));
}
