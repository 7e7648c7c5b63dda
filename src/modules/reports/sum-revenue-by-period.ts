import type { TenantTx } from "../../lib/db";
import { sqlInstant, type ReportRange } from "./report-range";

export type RevenuePoint = { bucket: string; quotesCents: number; invoicesCents: number };
export type RevenueReport = { granularity: ReportRange["granularity"]; points: RevenuePoint[]; quotesCents: number; invoicesCents: number };

// Amounts without IVA, like the price list ("$ 45.000 + IVA"): IVA is not the business's money.
// Quotes: each job's line items (net per line rounded half away from zero, as compute-job-totals.ts's divRound) on
// the job's day, plus the price quoted on leads that have no job yet (once a lead becomes a job, the job's lines are
// the quote). Cancelled jobs and lost leads are left out. Invoices: authorized ones (net + exempt) on their issue
// date, already a Buenos Aires day; credit notes subtract. Every bucket of the range is returned, empty ones with
// zeros, so a chart shows the gaps.
export async function sumRevenueByPeriod(tx: TenantTx, organizationId: string, range: ReportRange): Promise<RevenueReport> {
  const unit = range.granularity;
  const rows = await tx.$queryRaw<{ bucket: string; quotes: bigint; invoices: bigint }[]>`
    WITH quotes AS (
      SELECT COALESCE(j."scheduledStart", j."createdAt") AS at, round(li."quantityMilli"::numeric * li."unitPriceCents" / 1000) AS cents
        FROM "Job" j
        JOIN "JobLineItem" li ON li."jobId" = j."id"
       WHERE j."organizationId" = ${organizationId} AND j."status" <> 'cancelled'
         AND COALESCE(j."scheduledStart", j."createdAt") >= ${sqlInstant(range.start)}::timestamp(3)
         AND COALESCE(j."scheduledStart", j."createdAt") < ${sqlInstant(range.end)}::timestamp(3)
      UNION ALL
      SELECT l."createdAt", l."quotedCents"::numeric FROM "Lead" l
       WHERE l."organizationId" = ${organizationId} AND l."quotedCents" IS NOT NULL AND l."jobId" IS NULL AND l."status" <> 'LOST'
         AND l."createdAt" >= ${sqlInstant(range.start)}::timestamp(3) AND l."createdAt" < ${sqlInstant(range.end)}::timestamp(3)
    ), invoices AS (
      SELECT i."issueDate"::date AS day, (CASE WHEN i."kind" = 'CREDIT_NOTE' THEN -1 ELSE 1 END) * (i."netCents" + i."exemptCents") AS cents
        FROM "Invoice" i
       WHERE i."organizationId" = ${organizationId} AND i."status" = 'AUTHORIZED' AND i."issueDate" >= ${range.from} AND i."issueDate" <= ${range.to}
    ), buckets AS (
      SELECT generate_series(date_trunc(${unit}, ${range.from}::date::timestamp), ${range.to}::date::timestamp, ('1 ' || ${unit})::interval)::date AS bucket
    ), sums AS (
      SELECT date_trunc(${unit}, (q.at AT TIME ZONE 'UTC') AT TIME ZONE ${range.timeZone})::date AS bucket, sum(q.cents) AS quotes, 0::numeric AS invoices FROM quotes q GROUP BY 1
      UNION ALL
      SELECT date_trunc(${unit}, v.day::timestamp)::date, 0, sum(v.cents) FROM invoices v GROUP BY 1
    )
    SELECT to_char(b.bucket, 'YYYY-MM-DD') AS bucket, COALESCE(sum(s.quotes), 0)::bigint AS quotes, COALESCE(sum(s.invoices), 0)::bigint AS invoices
      FROM buckets b LEFT JOIN sums s ON s.bucket = b.bucket
     GROUP BY b.bucket ORDER BY b.bucket`;
  const points = rows.map((r) => ({ bucket: r.bucket, quotesCents: Number(r.quotes), invoicesCents: Number(r.invoices) }));
  return {
    granularity: unit, points,
    quotesCents: points.reduce((sum, p) => sum + p.quotesCents, 0),
    invoicesCents: points.reduce((sum, p) => sum + p.invoicesCents, 0),
  };
}
