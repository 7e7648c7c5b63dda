import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { JobActor } from "../jobs/job-actor";
import { getTechnicianOrThrow } from "./get-technician-or-throw";
import type { TimeOffView } from "./list-time-off";

const MAX_DAYS = 120;

// Time off blocks new offers at once. Jobs already booked inside it are returned as conflicts (the office has to
// move them) instead of being refused: the technician is off whether or not the agenda agrees.
export async function addTimeOff(
  tx: TenantTx,
  actor: JobActor,
  technicianId: string,
  input: { start: Date; end: Date; reason?: string },
): Promise<{ timeOff: TimeOffView; conflictingJobs: { id: string; number: number; scheduledStart: Date | null }[] }> {
  const technician = await getTechnicianOrThrow(tx, actor, technicianId);
  if (input.end <= input.start) throw new AppError("VALIDATION_FAILED", { message: "El franco tiene que terminar después de empezar.", fields: { end: "Tiene que ser posterior al inicio." } });
  if (input.end.getTime() - input.start.getTime() > MAX_DAYS * 86_400_000) {
    throw new AppError("VALIDATION_FAILED", { message: `Un franco puede durar hasta ${MAX_DAYS} días; cargá períodos más largos por partes.`, fields: { end: "Demasiado largo." } });
  }
  const timeOff = await tx.technicianTimeOff.create({
    data: { organizationId: actor.organizationId, userId: technician.id, start: input.start, end: input.end, reason: input.reason ?? null },
    select: { id: true, start: true, end: true, reason: true, createdAt: true },
  });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "technician.time_off_added", entityType: "User", entityId: technician.id,
    metadata: { timeOffId: timeOff.id, start: input.start.toISOString(), end: input.end.toISOString() },
  });
  const conflictingJobs = await tx.job.findMany({
    where: { technicianId: technician.id, status: { in: ["scheduled", "en_camino", "working"] }, scheduledStart: { lt: input.end }, scheduledEnd: { gt: input.start } },
    select: { id: true, number: true, scheduledStart: true },
    orderBy: { scheduledStart: "asc" },
  });
  return { timeOff, conflictingJobs };
}
