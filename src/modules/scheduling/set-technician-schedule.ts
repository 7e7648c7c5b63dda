import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import type { JobActor } from "../jobs/job-actor";
import { getTechnicianOrThrow } from "./get-technician-or-throw";
import { getTechnicianSchedule, type TechnicianScheduleView } from "./get-technician-schedule";
import type { TechnicianScheduleInput } from "./working-hours.schemas";

// Replaces the weekly hours and travel buffer. Jobs already booked outside the new hours stay booked: the office
// decides about those; only new offers follow the new hours.
export async function setTechnicianSchedule(tx: TenantTx, actor: JobActor, technicianId: string, input: TechnicianScheduleInput): Promise<TechnicianScheduleView> {
  const technician = await getTechnicianOrThrow(tx, actor, technicianId);
  const data = { workingHours: input.workingHours, travelBufferMinutes: input.travelBufferMinutes };
  await tx.technicianSchedule.upsert({ where: { userId: technician.id }, create: { ...data, organizationId: actor.organizationId, userId: technician.id }, update: data });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "technician.schedule_set", entityType: "User", entityId: technician.id,
    metadata: { days: Object.keys(input.workingHours).sort().join(","), travelBufferMinutes: input.travelBufferMinutes },
  });
  return getTechnicianSchedule(tx, actor, technician.id);
}
