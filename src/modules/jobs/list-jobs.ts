import type { JobStatus, Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { seesAllJobs, type JobActor } from "./job-actor";
import { JOB_SELECT, type JobView } from "./job-view";

export type ListJobsFilter = { status?: JobStatus; technicianId?: string; from?: Date; to?: Date; limit?: number };

// The date range filters on the scheduled start. Technicians see only the jobs assigned to them, whatever they ask.
export async function listJobs(tx: TenantTx, actor: JobActor, filter: ListJobsFilter): Promise<{ items: JobView[] }> {
  const where: Prisma.JobWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(seesAllJobs(actor) ? (filter.technicianId ? { technicianId: filter.technicianId } : {}) : { technicianId: actor.userId }),
    ...(filter.from || filter.to ? { scheduledStart: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
  const items = await tx.job.findMany({ where, orderBy: [{ scheduledStart: { sort: "asc", nulls: "last" } }, { number: "desc" }], take: filter.limit ?? 100, select: JOB_SELECT });
  return { items };
}
