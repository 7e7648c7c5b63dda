import type { Tier } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { TIER_LIMITS } from "../organizations/tiers";
import { RESPONDER_ROLES } from "../users/responder-seats";

// How many people may answer the shared inbox on each plan (TIER_LIMITS.responders; null = unlimited). The same
// numbers and roles the team's seat check (users/responder-seats.ts) enforces.
export function responderLimit(tier: Tier): number | null {
  return TIER_LIMITS[tier].responders;
}

export async function countResponders(tx: TenantTx): Promise<number> {
  return tx.user.count({ where: { isActive: true, role: { in: [...RESPONDER_ROLES] } } });
}
