import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { seesAllJobs, type JobActor } from "./job-actor";
import { JOB_SELECT, type JobView } from "./job-view";

// Another organization's job (hidden by RLS) and a job a technician is not assigned to look the same: not found.
export async function getJobRowOrThrow(tx: TenantTx, actor: JobActor, jobId: string): Promise<JobView> {
  const job = await tx.job.findFirst({
    where: { id: jobId, ...(seesAllJobs(actor) ? {} : { technicianId: actor.userId }) },
    select: JOB_SELECT,
  });
  if (!job) throw new AppError("NOT_FOUND", { message: "No encontramos ese trabajo." });
  return job;
}
