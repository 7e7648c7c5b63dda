import type { JobStatus, JobUrgency } from "@campotech/database";
import type { TenantTx } from "../../lib/db";

export type TodayJob = {
  id: string;
  number: number;
  scheduledStart: Date | null;
  scheduledEnd: Date | null;
  status: JobStatus;
  urgency: JobUrgency;
  technician: { id: string; name: string } | null;
  customer: { id: string; name: string; phone: string | null };
};

// Jobs whose visit starts inside [dayStart, dayEnd): the day's agenda, cancelled ones included so the counts
// by status add up to what the dispatcher planned.
export async function listTodayJobs(tx: TenantTx, input: { dayStart: Date; dayEnd: Date }): Promise<{ byStatus: Record<JobStatus, number>; items: TodayJob[] }> {
  const items = await tx.job.findMany({
    where: { scheduledStart: { gte: input.dayStart, lt: input.dayEnd } },
    orderBy: [{ scheduledStart: "asc" }, { number: "asc" }],
    select: {
      id: true, number: true, scheduledStart: true, scheduledEnd: true, status: true, urgency: true,
      technician: { select: { id: true, name: true } },
      customer: { select: { id: true, name: true, phone: true } },
    },
  });
  const byStatus: Record<JobStatus, number> = { pending: 0, scheduled: 0, en_camino: 0, working: 0, completed: 0, cancelled: 0 };
  for (const job of items) byStatus[job.status] += 1;
  return { byStatus, items };
}
