export { createOrganization } from "./create-organization";
export type { CreateOrganizationInput } from "./create-organization";
export { parseTier, TIER_LIMITS } from "./tiers";
