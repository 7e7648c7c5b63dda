import type { Database } from "@campotech/database";
import { sqlInstant } from "../reports/report-range";
import type { StatsPeriod } from "./stats-period";

export type DeliveryStats = { outbound: number; delivered: number; failed: number; pending: number; successRate: number | null };

// Outbound messages created in the period, by the furthest status they reached. delivered = DELIVERED or READ,
// failed = FAILED, pending = not final yet (QUEUED or SENT). successRate = delivered / (delivered + failed): only
// messages whose fate is known count; null when none is.
export async function measureDelivery(database: Database, period: StatsPeriod): Promise<DeliveryStats> {
  const rows = await database.$queryRaw<{ outbound: number; delivered: number; failed: number }[]>`
    SELECT count(*)::int AS outbound,
           count(*) FILTER (WHERE "status" IN ('DELIVERED', 'READ'))::int AS delivered,
           count(*) FILTER (WHERE "status" = 'FAILED')::int AS failed
      FROM "WhatsAppMessage"
     WHERE "direction" = 'OUTBOUND'
       AND "createdAt" >= ${sqlInstant(period.start)}::timestamp(3) AND "createdAt" < ${sqlInstant(period.end)}::timestamp(3)`;
  const { outbound, delivered, failed } = rows[0]!;
  const final = delivered + failed;
  return { outbound, delivered, failed, pending: outbound - final, successRate: final === 0 ? null : delivered / final };
}
