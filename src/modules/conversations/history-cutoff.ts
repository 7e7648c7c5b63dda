import type { TenantTx, Tier } from "@campotech/database";
import { effectiveTier } from "../organizations/effective-tier";
import { includesFeature } from "../organizations/features";

// Plans without conversationHistory (FREE, INICIAL, and an expired trial) see the last 30 days of messages in
// the inbox; older messages stay stored (the assistant and exports still read them) and show again after an upgrade.
export const HISTORY_DAYS_WITHOUT_PLAN = 30;

// The oldest createdAt the inbox shows for this conversation's organization, or null when the plan shows it all.
export async function historyCutoff(tx: TenantTx, conversationId: string, now: Date = new Date()): Promise<Date | null> {
  const conversation = await tx.whatsAppConversation.findFirst({ where: { id: conversationId }, select: { organization: { select: { tier: true, trialEndsAt: true } } } });
  return conversation ? historyCutoffFor(conversation.organization, now) : null;
}

// The cutoff from the organization's plan, for reads that fetch the plan along with their rows.
export function historyCutoffFor(organization: { tier: Tier; trialEndsAt: Date | null }, now: Date = new Date()): Date | null {
  if (includesFeature(effectiveTier(organization, now), "conversationHistory")) return null;
  return new Date(now.getTime() - HISTORY_DAYS_WITHOUT_PLAN * 86_400_000);
}
