import type { JobStatus } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { sqlInstant, type ReportRange } from "./report-range";

export type JobsByTechnicianRow = { technicianId: string | null; technicianName: string | null; total: number; byStatus: Partial<Record<JobStatus, number>> };

// A job belongs to the day it is (or was) scheduled for; one never scheduled, to the day it was created. Cancelled
// jobs are counted too (under their status): the office wants to see them. Unassigned jobs come last (technicianId null).
export async function countJobsByTechnician(tx: TenantTx, organizationId: string, range: ReportRange): Promise<JobsByTechnicianRow[]> {
  const rows = await tx.$queryRaw<{ technicianId: string | null; technicianName: string | null; byStatus: Partial<Record<JobStatus, number>>; total: number }[]>`
    WITH counted AS (
      SELECT j."technicianId", j."status"::text AS status, count(*)::int AS n
        FROM "Job" j
       WHERE j."organizationId" = ${organizationId}
         AND COALESCE(j."scheduledStart", j."createdAt") >= ${sqlInstant(range.start)}::timestamp(3)
         AND COALESCE(j."scheduledStart", j."createdAt") < ${sqlInstant(range.end)}::timestamp(3)
       GROUP BY 1, 2
    )
    SELECT c."technicianId", u."name" AS "technicianName", jsonb_object_agg(c.status, c.n) AS "byStatus", sum(c.n)::int AS total
      FROM counted c
      LEFT JOIN "User" u ON u."id" = c."technicianId"
     GROUP BY c."technicianId", u."name"
     ORDER BY (c."technicianId" IS NULL), u."name"`;
  return rows;
}
