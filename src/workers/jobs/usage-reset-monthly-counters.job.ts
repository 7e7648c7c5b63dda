import { z } from "zod";
import { db, withTenant } from "../../lib/db";
import { resetUsageCounters } from "../../modules/whatsapp-accounts/reset-usage-counters";
import { defineJob } from "../define-job";

// Fired by a job scheduler at 00:00 on the 1st of each month, Buenos Aires time. Each organization is reset in
// its own RLS transaction; the only cross-tenant read is the list of active organization ids.
export const usageResetMonthlyCounters = defineJob({
  name: "usage.reset-monthly-counters",
  queue: "system",
  schema: z.object({ now: z.iso.datetime().optional() }),
  async handler(payload, ctx) {
    const now = payload.now ? new Date(payload.now) : new Date();
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
    let reset = 0;
    for (const { id } of rows) {
      const result = await withTenant(id, (tx) => resetUsageCounters(tx, { organizationId: id, now }));
      reset += result.reset;
    }
    ctx.logger.info({ organizations: rows.length, accounts: reset }, "monthly usage counters reset");
    return { organizations: rows.length, accountsReset: reset };
  },
});

export const USAGE_RESET_SCHEDULE = { pattern: "0 0 1 * *", tz: "America/Argentina/Buenos_Aires" } as const;
