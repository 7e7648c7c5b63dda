import type { Database } from "@campotech/database";
import { emptyBuckets, quantileFromBuckets } from "./webhook-ack-buckets";

export type WebhookAckStats = {
  count: number;
  avgMs: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  byResult: Record<string, number>;
};

/** Acks recorded in [from, to) — by minute, so a minute is counted whole when its start is inside the range. */
export async function readWebhookAckStats(
  database: Database,
  range: { from: Date; to: Date; provider?: string; result?: string },
): Promise<WebhookAckStats> {
  const rows = await database.webhookAckMinute.findMany({
    where: {
      minute: { gte: range.from, lt: range.to },
      ...(range.provider ? { provider: range.provider } : {}),
      ...(range.result ? { result: range.result } : {}),
    },
  });
  const buckets = emptyBuckets();
  const byResult: Record<string, number> = {};
  let count = 0;
  let sum = 0;
  let max = 0;
  for (const row of rows) {
    count += row.count;
    sum += row.sumMs;
    max = Math.max(max, row.maxMs);
    byResult[row.result] = (byResult[row.result] ?? 0) + row.count;
    row.buckets.forEach((n, i) => (buckets[i] = (buckets[i] ?? 0) + n));
  }
  if (count === 0) return { count, avgMs: null, p95Ms: null, p99Ms: null, maxMs: null, byResult };
  return {
    count,
    avgMs: sum / count,
    p95Ms: quantileFromBuckets(buckets, 0.95, max),
    p99Ms: quantileFromBuckets(buckets, 0.99, max),
    maxMs: max,
    byResult,
  };
}
