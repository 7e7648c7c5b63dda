export { assertPlanFeature } from "./assert-plan-feature";
export { createOrganization } from "./create-organization";
export type { CreateOrganizationInput } from "./create-organization";
export { FEATURE_UPSELL, PLAN_FEATURES, planFeatures } from "./features";
export type { PlanFeatures } from "./features";
export { parseTier, TIER_LIMITS } from "./tiers";
