import type { TenantTx } from "../../lib/db";
import { startOfMonthInTimezone } from "../../lib/time";
import { countAiConversations } from "../assistant/count-ai-conversations";
import { TIER_LIMITS } from "../organizations/tiers";

// This Buenos Aires month against the plan. Messages are the per-number counters the outbound engine reserves
// when it accepts a message (login codes and opt-out confirmations don't count; retries count once); the plan's
// limit applies to each number's counter. A counter whose period started before this month belongs to last month
// (the monthly reset hasn't run yet), so it reads as 0. AI conversations are distinct conversations this month.
export async function getWhatsAppUsage(tx: TenantTx, input: { organizationId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const periodStart = startOfMonthInTimezone(now);
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { tier: true } });
  const limits = TIER_LIMITS[organization.tier];
  const accounts = await tx.whatsAppBusinessAccount.findMany({
    where: { organizationId: input.organizationId, provisioningStatus: { not: "RELEASED" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, displayPhoneNumber: true, monthlyMessageCount: true, usagePeriodStart: true },
  });
  const perAccount = accounts.map((a) => ({
    accountId: a.id,
    displayPhoneNumber: a.displayPhoneNumber,
    used: a.usagePeriodStart.getTime() >= periodStart.getTime() ? a.monthlyMessageCount : 0,
    limit: limits.monthlyMessages,
  }));
  const used = perAccount.reduce((sum, a) => sum + a.used, 0);
  const ai = await countAiConversations(tx, now);
  return {
    tier: organization.tier,
    periodStart,
    messages: { used, limit: limits.monthlyMessages, percent: percent(used, limits.monthlyMessages), accounts: perAccount },
    aiConversations: { used: ai.used, limit: limits.monthlyAiConversations, percent: percent(ai.used, limits.monthlyAiConversations) },
  };
}

// null for unlimited; a plan with 0 included is full from the start.
function percent(used: number, limit: number | null): number | null {
  if (limit === null) return null;
  if (limit === 0) return 100;
  return Math.min(100, Math.round((used / limit) * 100));
}
