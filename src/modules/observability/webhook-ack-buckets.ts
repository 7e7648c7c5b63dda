// Upper bounds (ms) of the persisted webhook-ack histogram. Fine below 100 ms, where a healthy ingest lives, and
// coarse above, where only "slow" matters; the last bucket (index = length) holds everything slower than 10 s.
export const WEBHOOK_ACK_BUCKETS_MS = [
  1, 2, 3, 5, 7, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 750, 1_000, 2_000, 5_000, 10_000,
] as const;

export function bucketIndexFor(durationMs: number): number {
  const index = WEBHOOK_ACK_BUCKETS_MS.findIndex((bound) => durationMs <= bound);
  return index === -1 ? WEBHOOK_ACK_BUCKETS_MS.length : index;
}

export function emptyBuckets(): number[] {
  return new Array<number>(WEBHOOK_ACK_BUCKETS_MS.length + 1).fill(0);
}

/**
 * The q-quantile as the upper bound of the bucket holding the ceil(q·n)-th fastest ack (nearest-rank on the
 * histogram). Exact to the bucket: a reported p95 of 20 ms means 95 % of acks took at most 20 ms. Beyond the last
 * bound there is no upper bound, so the slowest recorded ack stands in for it.
 */
export function quantileFromBuckets(buckets: readonly number[], q: number, maxMs: number): number | null {
  const total = buckets.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i] ?? 0;
    if (seen >= rank) return i < WEBHOOK_ACK_BUCKETS_MS.length ? Math.min(WEBHOOK_ACK_BUCKETS_MS[i]!, maxMs) : maxMs;
  }
  return maxMs;
}
