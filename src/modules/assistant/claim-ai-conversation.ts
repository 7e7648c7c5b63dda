import type { Tier } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { startOfMonthInTimezone } from "../../lib/time";
import { TIER_LIMITS } from "../organizations/tiers";

// The plan's monthly AI conversations (PROFESIONAL 500, EMPRESARIAL 2,500): a conversation counts once a month,
// on the first turn the assistant answers in it. Serialized per organization so two conversations racing for the
// last unit cannot both get it.
export async function claimAiConversation(
  tx: TenantTx,
  input: { organizationId: string; conversationId: string; tier: Tier; now: Date },
): Promise<{ allowed: boolean; counted: boolean; used: number; limit: number | null }> {
  const limit = TIER_LIMITS[input.tier].monthlyAiConversations;
  const since = startOfMonthInTimezone(input.now);
  if (limit === 0) return { allowed: false, counted: false, used: 0, limit };
  const already = await tx.assistantRun.findFirst({ where: { conversationId: input.conversationId, counted: true, createdAt: { gte: since } }, select: { id: true } });
  if (already) return { allowed: true, counted: false, used: -1, limit };
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7304, hashtext(${input.organizationId}))`;
  const rows = await tx.assistantRun.groupBy({ by: ["conversationId"], where: { counted: true, createdAt: { gte: since } } });
  const used = rows.length;
  if (limit !== null && used >= limit) return { allowed: false, counted: false, used, limit };
  return { allowed: true, counted: true, used: used + 1, limit };
}
