import type { TenantTx } from "../../lib/db";
import type { JobActor } from "../jobs/job-actor";
import type { WorkingHours } from "./find-free-slots";
import { getTechnicianOrThrow } from "./get-technician-or-throw";

export type TechnicianScheduleView = { technicianId: string; name: string; workingHours: WorkingHours; travelBufferMinutes: number; configured: boolean };

// A technician without a schedule yet has no working hours (and so no free slots) rather than a guessed default.
export async function getTechnicianSchedule(tx: TenantTx, actor: JobActor, technicianId: string): Promise<TechnicianScheduleView> {
  const technician = await getTechnicianOrThrow(tx, actor, technicianId);
  const row = await tx.technicianSchedule.findUnique({ where: { userId: technician.id }, select: { workingHours: true, travelBufferMinutes: true } });
  return {
    technicianId: technician.id,
    name: technician.name,
    workingHours: (row?.workingHours ?? {}) as WorkingHours,
    travelBufferMinutes: row?.travelBufferMinutes ?? 30,
    configured: Boolean(row),
  };
}
