import type { TenantTx } from "../../lib/db";

// The jobs a deactivated person was going to do: not started (pending or scheduled) and either still ahead or not
// scheduled yet. They keep their technician (the history says who had them) but show "Reasignar" until the office
// gives them to someone else (the jobs module clears the flag when the technician changes). Jobs already under way
// (en camino, working) are left alone: that visit is happening now and the office knows.
export async function flagJobsForReassignment(tx: TenantTx, technicianId: string, now: Date): Promise<number> {
  const { count } = await tx.job.updateMany({
    where: {
      technicianId,
      status: { in: ["pending", "scheduled"] },
      OR: [{ scheduledStart: null }, { scheduledStart: { gt: now } }],
    },
    data: { needsReassignment: true },
  });
  return count;
}
