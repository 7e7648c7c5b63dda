import type { TenantTx } from "../../lib/db";
import { startOfMonthInTimezone } from "../../lib/time";

// THE definition of "mensajes enviados este mes", shown by the overview and the usage meter alike: the messages
// the outbound engine accepted this Buenos Aires month and counted against the plan, i.e. the per-number counters
// that reserveMonthlyMessage increments atomically when a message is accepted (whatever its delivery status
// became; login codes and opt-out confirmations are never counted; retries count once). It is the number the
// plan's limit is enforced on, so no other count may be shown as "sent" beside it. A counter whose period started
// before this month belongs to last month (the monthly reset hasn't run yet) and reads as 0; released numbers
// can't send and are left out.
export async function countMessagesThisMonth(tx: TenantTx, input: { organizationId: string; now?: Date }) {
  const periodStart = startOfMonthInTimezone(input.now ?? new Date());
  const accounts = await tx.whatsAppBusinessAccount.findMany({
    where: { organizationId: input.organizationId, provisioningStatus: { not: "RELEASED" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, displayPhoneNumber: true, monthlyMessageCount: true, usagePeriodStart: true },
  });
  const perAccount = accounts.map((a) => ({
    accountId: a.id,
    displayPhoneNumber: a.displayPhoneNumber,
    used: a.usagePeriodStart.getTime() >= periodStart.getTime() ? a.monthlyMessageCount : 0,
  }));
  return { periodStart, total: perAccount.reduce((sum, a) => sum + a.used, 0), accounts: perAccount };
}
