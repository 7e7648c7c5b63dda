import type { TenantTx } from "../../lib/db";
import { sqlInstant, type ReportRange } from "./report-range";

export type ResponseTimes = { answered: number; medianSeconds: number | null; p90Seconds: number | null };
export type FirstResponseReport = { openings: number; unanswered: number; all: ResponseTimes; assistant: ResponseTimes; person: ResponseTimes };

// A customer's turn opens with an inbound message that follows a reply (or is the conversation's first message);
// messages the customer sends before anyone answers belong to the same turn. The wait runs until the first reply:
// an outbound message from the assistant (sentByUserId "assistant") or a person (a user id). Automatic notices
// (reminders, no sender) and failed sends are not replies. Turns opened in the range count, even when the reply
// came after it (a message at 23:55 answered at 00:05 is a 10-minute wait on the day it arrived).
export async function measureFirstResponse(tx: TenantTx, organizationId: string, range: ReportRange): Promise<FirstResponseReport> {
  const rows = await tx.$queryRaw<{
    openings: number; unanswered: number;
    all_n: number; all_median: number | null; all_p90: number | null;
    assistant_n: number; assistant_median: number | null; assistant_p90: number | null;
    person_n: number; person_median: number | null; person_p90: number | null;
  }[]>`
    WITH relevant AS (
      SELECT m."id", m."conversationId", m."createdAt", m."direction",
             lag(m."direction") OVER (PARTITION BY m."conversationId" ORDER BY m."createdAt", m."id") AS previous
        FROM "WhatsAppMessage" m
        JOIN "WhatsAppConversation" c ON c."id" = m."conversationId"
        JOIN "Customer" cu ON cu."id" = c."customerId"
       WHERE m."organizationId" = ${organizationId} AND cu."staffUserId" IS NULL
         AND m."createdAt" < ${sqlInstant(range.end)}::timestamp(3)
         AND (m."direction" = 'INBOUND' OR (m."status" <> 'FAILED' AND m."sentByUserId" IS NOT NULL))
    ), openings AS (
      SELECT * FROM relevant
       WHERE "direction" = 'INBOUND' AND ("previous" IS NULL OR "previous" = 'OUTBOUND') AND "createdAt" >= ${sqlInstant(range.start)}::timestamp(3)
    ), waits AS (
      SELECT r.who, EXTRACT(EPOCH FROM (r."createdAt" - o."createdAt"))::float8 AS seconds
        FROM openings o
        LEFT JOIN LATERAL (
          SELECT x."createdAt", CASE WHEN x."sentByUserId" = 'assistant' THEN 'assistant' ELSE 'person' END AS who
            FROM "WhatsAppMessage" x
           WHERE x."conversationId" = o."conversationId" AND x."direction" = 'OUTBOUND' AND x."status" <> 'FAILED'
             AND x."sentByUserId" IS NOT NULL AND x."createdAt" > o."createdAt"
           ORDER BY x."createdAt" LIMIT 1
        ) r ON true
    )
    SELECT count(*)::int AS openings, count(*) FILTER (WHERE who IS NULL)::int AS unanswered,
           count(who)::int AS all_n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS all_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS all_p90,
           count(*) FILTER (WHERE who = 'assistant')::int AS assistant_n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE who = 'assistant') AS assistant_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE who = 'assistant') AS assistant_p90,
           count(*) FILTER (WHERE who = 'person')::int AS person_n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE who = 'person') AS person_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE who = 'person') AS person_p90
      FROM waits`;
  const row = rows[0]!;
  const round = (seconds: number | null) => (seconds === null ? null : Math.round(seconds));
  const times = (n: number, median: number | null, p90: number | null): ResponseTimes => ({ answered: n, medianSeconds: round(median), p90Seconds: round(p90) });
  return {
    openings: row.openings, unanswered: row.unanswered,
    all: times(row.all_n, row.all_median, row.all_p90),
    assistant: times(row.assistant_n, row.assistant_median, row.assistant_p90),
    person: times(row.person_n, row.person_median, row.person_p90),
  };
}
