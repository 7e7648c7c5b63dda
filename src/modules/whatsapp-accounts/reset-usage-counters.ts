import type { TenantTx } from "@campotech/database";
import { startOfMonthInTimezone } from "../../lib/time";

// Zeroes the monthly counters of every account of the organization whose period started before this month.
// Idempotent: running it twice in the same month changes nothing the second time (unless force).
export async function resetUsageCounters(
  tx: Pick<TenantTx, "whatsAppBusinessAccount">,
  input: { organizationId: string; accountId?: string; now?: Date; force?: boolean },
): Promise<{ reset: number; periodStart: Date }> {
  const periodStart = startOfMonthInTimezone(input.now ?? new Date());
  const { count } = await tx.whatsAppBusinessAccount.updateMany({
    where: {
      organizationId: input.organizationId,
      ...(input.accountId ? { id: input.accountId } : {}),
      ...(input.force ? {} : { usagePeriodStart: { lt: periodStart } }),
    },
    data: { monthlyMessageCount: 0, monthlyAiConversations: 0, usagePeriodStart: periodStart },
  });
  return { reset: count, periodStart };
}
