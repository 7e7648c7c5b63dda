import type { TenantTx } from "../../lib/db";
import type { JobActor } from "../jobs/job-actor";
import { getTechnicianOrThrow } from "./get-technician-or-throw";

export type TimeOffView = { id: string; start: Date; end: Date; reason: string | null; createdAt: Date };

// Current and future time off by default (what the agenda needs); `from` reaches further back.
export async function listTimeOff(tx: TenantTx, actor: JobActor, technicianId: string, filter: { from?: Date } = {}): Promise<{ items: TimeOffView[] }> {
  const technician = await getTechnicianOrThrow(tx, actor, technicianId);
  const items = await tx.technicianTimeOff.findMany({
    where: { userId: technician.id, end: { gt: filter.from ?? new Date() } },
    select: { id: true, start: true, end: true, reason: true, createdAt: true },
    orderBy: { start: "asc" },
    take: 200,
  });
  return { items };
}
