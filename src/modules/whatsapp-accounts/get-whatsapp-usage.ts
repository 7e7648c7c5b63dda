import type { TenantTx } from "../../lib/db";
import { countAiConversations } from "../assistant/count-ai-conversations";
import { effectiveTier } from "../organizations/effective-tier";
import { TIER_LIMITS } from "../organizations/tiers";
import { countMessagesThisMonth } from "./count-messages-this-month";

// This Buenos Aires month against the plan. Messages are countMessagesThisMonth (the one definition the overview
// shows too); the plan's limit applies to each number's counter. AI conversations are distinct conversations.
export async function getWhatsAppUsage(tx: TenantTx, input: { organizationId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { tier: true, trialEndsAt: true } });
  // Limits of the plan the organization has today (an ended trial is FREE).
  const tier = effectiveTier(organization, now);
  const limits = TIER_LIMITS[tier];
  const { periodStart, total: used, accounts } = await countMessagesThisMonth(tx, { organizationId: input.organizationId, now });
  const perAccount = accounts.map((a) => ({ ...a, limit: limits.monthlyMessages }));
  const ai = await countAiConversations(tx, now);
  return {
    tier,
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
