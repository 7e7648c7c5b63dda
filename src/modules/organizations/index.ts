export { assertPlanFeature, planRequired } from "./assert-plan-feature";
export { createOrganization } from "./create-organization";
export type { CreateOrganizationInput } from "./create-organization";
export { effectiveTier } from "./effective-tier";
export {
  FEATURE_KEYS, FEATURE_MIN_TIER, FEATURE_NAMES, FEATURE_UPSELL, featuresAddedBy, includesFeature, PLAN_NAMES, PLAN_ORDER, planFeatures, upsellMessage,
} from "./features";
export type { PlanFeature, PlanFeatures } from "./features";
export { DEFAULT_MESSAGE_RETENTION_DAYS, MESSAGE_RETENTION_DAYS, parseTier, TIER_LIMITS } from "./tiers";
