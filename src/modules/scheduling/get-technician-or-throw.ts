import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { seesAllJobs, type JobActor } from "../jobs/job-actor";

// A technician's agenda is visible to the office and to the technician; anyone else's (or another organization's)
// answers not found. Returns the technician's name.
export async function getTechnicianOrThrow(tx: TenantTx, actor: JobActor, technicianId: string): Promise<{ id: string; name: string }> {
  if (!seesAllJobs(actor) && actor.userId !== technicianId) throw new AppError("NOT_FOUND", { message: "No encontramos ese técnico." });
  const user = await tx.user.findFirst({ where: { id: technicianId, isActive: true }, select: { id: true, name: true } });
  if (!user) throw new AppError("NOT_FOUND", { message: "No encontramos ese técnico." });
  return user;
}
