import type { Tier, UserRole } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { can } from "../auth/permissions";
import { TIER_LIMITS } from "../organizations/tiers";

// How many people may answer the shared inbox on each plan (multipleResponders starts at EMPRESARIAL). TIER_LIMITS
// is the source once it carries `responders`; until then this table holds the same numbers. null = unlimited.
const RESPONDERS_FALLBACK: Record<Tier, number | null> = { FREE: 1, INICIAL: 1, PROFESIONAL: 1, EMPRESARIAL: 10, ENTERPRISE: null };

export function responderLimit(tier: Tier): number | null {
  const limits = TIER_LIMITS[tier] as { responders?: number | null };
  return limits.responders !== undefined ? limits.responders : RESPONDERS_FALLBACK[tier];
}

// Responders: active people whose role answers the inbox (owners, admins, dispatchers).
export async function countResponders(tx: TenantTx): Promise<number> {
  const users = await tx.user.groupBy({ by: ["role"], where: { isActive: true }, _count: { _all: true } });
  return users.filter((u) => can(u.role as UserRole, "inbox.write")).reduce((sum, u) => sum + u._count._all, 0);
}
