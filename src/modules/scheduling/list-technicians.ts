import type { TenantTx } from "../../lib/db";
import type { JobActor } from "../jobs/job-actor";
import { seesAllJobs } from "../jobs/job-actor";

// The people who take jobs: the active users with the TECHNICIAN role (assertJobRefs accepts no one else).
// A technician sees only themself.
export async function listTechnicians(tx: TenantTx, actor: JobActor): Promise<{ items: { id: string; name: string; role: string; hasSchedule: boolean }[] }> {
  const users = await tx.user.findMany({
    where: { isActive: true, role: "TECHNICIAN", ...(seesAllJobs(actor) ? {} : { id: actor.userId }) },
    select: { id: true, name: true, role: true, schedule: { select: { id: true } } },
    orderBy: { name: "asc" },
  });
  return { items: users.map((u) => ({ id: u.id, name: u.name, role: u.role, hasSchedule: Boolean(u.schedule) })) };
}
