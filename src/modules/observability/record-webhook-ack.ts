import type { Database } from "@campotech/database";
import { db as appDb } from "../../lib/db";
import { logger } from "../../lib/logger";
import { webhookAckSeconds } from "../../lib/metrics/webhook-metrics";
import { bucketIndexFor, emptyBuckets } from "./webhook-ack-buckets";

export type WebhookAckResult = "accepted" | "rejected_signature" | "rejected_body" | "unavailable" | "error";
export type WebhookAck = { provider: string; result: WebhookAckResult; durationMs: number; at?: Date };

type Cell = { minute: Date; provider: string; result: string; count: number; sumMs: number; maxMs: number; buckets: number[] };

// Acks are added up in memory per minute and flushed every few seconds, so acknowledging a webhook never waits on
// a database write. A crash loses at most one flush interval of samples — statistics, not data.
const FLUSH_EVERY_MS = 5_000;
const pending = new Map<string, Cell>();
let timer: NodeJS.Timeout | undefined;

export function webhookAckResultForStatus(status: number): WebhookAckResult {
  if (status < 300) return "accepted";
  if (status === 401 || status === 403) return "rejected_signature";
  if (status === 503) return "unavailable";
  if (status >= 400 && status < 500) return "rejected_body";
  return "error";
}

export function recordWebhookAck(ack: WebhookAck): void {
  webhookAckSeconds.observe({ provider: ack.provider, result: ack.result }, ack.durationMs / 1000); // issue 20 (metrics)
  const minute = new Date(Math.floor((ack.at ?? new Date()).getTime() / 60_000) * 60_000);
  const key = `${minute.getTime()}|${ack.provider}|${ack.result}`;
  let cell = pending.get(key);
  if (!cell) {
    cell = { minute, provider: ack.provider, result: ack.result, count: 0, sumMs: 0, maxMs: 0, buckets: emptyBuckets() };
    pending.set(key, cell);
  }
  cell.count += 1;
  cell.sumMs += ack.durationMs;
  cell.maxMs = Math.max(cell.maxMs, ack.durationMs);
  cell.buckets[bucketIndexFor(ack.durationMs)]! += 1;
  timer ??= setTimeout(() => {
    timer = undefined;
    void flushWebhookAcks().catch((error: Error) => logger.warn({ err: error.message }, "webhook ack samples not flushed"));
  }, FLUSH_EVERY_MS).unref();
}

/** Writes what is pending (adding to what other processes wrote for the same minute). Failed cells go back. */
export async function flushWebhookAcks(database: Database = appDb): Promise<number> {
  const cells = [...pending.values()];
  pending.clear();
  let written = 0;
  try {
    for (const c of cells) {
      await database.$executeRaw`
        INSERT INTO "WebhookAckMinute" AS w ("minute", "provider", "result", "count", "sumMs", "maxMs", "buckets")
        VALUES (${c.minute}, ${c.provider}, ${c.result}, ${c.count}, ${c.sumMs}, ${c.maxMs}, ${c.buckets}::int[])
        ON CONFLICT ("minute", "provider", "result") DO UPDATE SET
          "count" = w."count" + excluded."count",
          "sumMs" = w."sumMs" + excluded."sumMs",
          "maxMs" = greatest(w."maxMs", excluded."maxMs"),
          "buckets" = (SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY i)
                         FROM unnest(w."buckets", excluded."buckets") WITH ORDINALITY AS x(a, b, i))`;
      written += 1;
    }
  } finally {
    for (const c of cells.slice(written)) mergeBack(c);
  }
  return written;
}

function mergeBack(cell: Cell): void {
  const key = `${cell.minute.getTime()}|${cell.provider}|${cell.result}`;
  const current = pending.get(key);
  if (!current) return void pending.set(key, cell);
  current.count += cell.count;
  current.sumMs += cell.sumMs;
  current.maxMs = Math.max(current.maxMs, cell.maxMs);
  cell.buckets.forEach((n, i) => (current.buckets[i]! += n));
}
