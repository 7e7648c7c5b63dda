import type { Tier } from "@campotech/database";

// A trial gives the plan in `tier` until trialEndsAt; after that the organization is on FREE until it moves to a paid
// plan (which clears trialEndsAt). Everything that decides by plan reads the tier through here.
export function effectiveTier(organization: { tier: Tier; trialEndsAt?: Date | null }, now: Date = new Date()): Tier {
  if (organization.trialEndsAt && organization.trialEndsAt.getTime() <= now.getTime()) return "FREE";
  return organization.tier;
}
