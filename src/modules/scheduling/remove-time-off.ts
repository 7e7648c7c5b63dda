import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { JobActor } from "../jobs/job-actor";
import { getTechnicianOrThrow } from "./get-technician-or-throw";

export async function removeTimeOff(tx: TenantTx, actor: JobActor, input: { technicianId: string; timeOffId: string }): Promise<{ removed: true }> {
  const technician = await getTechnicianOrThrow(tx, actor, input.technicianId);
  const deleted = await tx.technicianTimeOff.deleteMany({ where: { id: input.timeOffId, userId: technician.id } });
  if (deleted.count !== 1) throw new AppError("NOT_FOUND", { message: "No encontramos ese franco." });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "technician.time_off_removed", entityType: "User", entityId: technician.id,
    metadata: { timeOffId: input.timeOffId },
  });
  return { removed: true };
}
