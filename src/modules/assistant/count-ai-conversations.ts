import type { TenantTx } from "../../lib/db";
import { startOfMonthInTimezone } from "../../lib/time";

// The plan's meter: distinct conversations the assistant was counted in since the start of this Buenos Aires
// month (the same rows claimAiConversation counts when it decides whether a new conversation still fits).
export async function countAiConversations(tx: TenantTx, now: Date): Promise<{ used: number; since: Date }> {
  const since = startOfMonthInTimezone(now);
  const rows = await tx.assistantRun.groupBy({ by: ["conversationId"], where: { counted: true, createdAt: { gte: since } } });
  return { used: rows.length, since };
}
