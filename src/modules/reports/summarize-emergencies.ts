import type { TenantTx } from "../../lib/db";
import { sqlInstant, type ReportRange } from "./report-range";

export type EmergenciesReport = {
  jobs: number; completed: number; assigned: number; unassigned: number;
  medianSecondsToAssign: number | null; p90SecondsToAssign: number | null;
  // Emergency leads that never became a job (the assistant flagged them; nobody opened a job).
  leadsWithoutJob: number;
};

// EMERGENCY jobs created in the range. A job is assigned when a technician was put on it: the first of an audit
// "job.updated" that changed technicianId and its first move past "pending" (scheduling needs a technician); a job
// that has a technician and neither record got one when it was created (createJob is the only other way in).
export async function summarizeEmergencies(tx: TenantTx, organizationId: string, range: ReportRange): Promise<EmergenciesReport> {
  const start = sqlInstant(range.start);
  const end = sqlInstant(range.end);
  const rows = await tx.$queryRaw<{ jobs: number; completed: number; assigned: number; median: number | null; p90: number | null; leads: number }[]>`
    WITH emergencies AS (
      SELECT j."id", j."createdAt", j."status", j."technicianId"
        FROM "Job" j
       WHERE j."organizationId" = ${organizationId} AND j."urgency" = 'EMERGENCY'
         AND j."createdAt" >= ${start}::timestamp(3) AND j."createdAt" < ${end}::timestamp(3)
    ), assigned AS (
      SELECT e."id", e."createdAt", e."status",
             COALESCE(
               LEAST(
                 (SELECT min(t."at") FROM "JobTransition" t WHERE t."jobId" = e."id" AND t."to" IN ('scheduled', 'en_camino', 'working', 'completed')),
                 (SELECT min(l."createdAt") FROM "AuditLog" l WHERE l."organizationId" = ${organizationId} AND l."entityType" = 'Job' AND l."entityId" = e."id"
                     AND l."action" = 'job.updated' AND l."metadata"->'fields' @> '["technicianId"]'::jsonb)
               ),
               CASE WHEN e."technicianId" IS NOT NULL THEN e."createdAt" END
             ) AS "assignedAt"
        FROM emergencies e
    ), waits AS (
      SELECT *, EXTRACT(EPOCH FROM ("assignedAt" - "createdAt"))::float8 AS seconds FROM assigned
    )
    SELECT count(*)::int AS jobs,
           count(*) FILTER (WHERE "status" = 'completed')::int AS completed,
           count("assignedAt")::int AS assigned,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90,
           (SELECT count(*)::int FROM "Lead" l WHERE l."organizationId" = ${organizationId} AND l."urgency" = 'EMERGENCY' AND l."jobId" IS NULL
               AND l."createdAt" >= ${start}::timestamp(3) AND l."createdAt" < ${end}::timestamp(3)) AS leads
      FROM waits`;
  const row = rows[0]!;
  const round = (seconds: number | null) => (seconds === null ? null : Math.round(seconds));
  return {
    jobs: row.jobs, completed: row.completed, assigned: row.assigned, unassigned: row.jobs - row.assigned,
    medianSecondsToAssign: round(row.median), p90SecondsToAssign: round(row.p90), leadsWithoutJob: row.leads,
  };
}
