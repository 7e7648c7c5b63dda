import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { getJobRowOrThrow } from "./get-job-row-or-throw";
import { actorRecord, type JobActor } from "./job-actor";

export type TimeEntryInput = { entryId: string; minutes?: number; startedAt?: Date; endedAt?: Date };

const MAX_MINUTES = 24 * 60;
const invalid = (message: string) => new AppError("VALIDATION_FAILED", { message, fields: { minutes: message } });

// Time worked on a visit, as entries the phone identifies (entryId): logging the same entry again changes nothing, and
// entries from different moments simply add up, so offline logging never conflicts. Minutes come from start/stop when
// not typed. Allowed after the job is completed (people log time at the end), not on a cancelled job.
export async function addJobTimeEntry(tx: TenantTx, actor: JobActor, jobId: string, input: TimeEntryInput): Promise<{ entryId: string; minutes: number; created: boolean }> {
  const job = await getJobRowOrThrow(tx, actor, jobId);
  if (job.status === "cancelled") throw new AppError("CONFLICT", { message: "Un trabajo cancelado no registra horas." });
  if (input.startedAt && input.endedAt && input.endedAt <= input.startedAt) throw invalid("El fin tiene que ser posterior al inicio.");
  if (input.endedAt && input.endedAt.getTime() > Date.now() + 5 * 60_000) throw invalid("El fin no puede estar en el futuro.");
  const measured = input.startedAt && input.endedAt ? Math.round((input.endedAt.getTime() - input.startedAt.getTime()) / 60_000) : undefined;
  const minutes = input.minutes ?? measured;
  if (minutes === undefined) throw invalid("Indicá los minutos trabajados o el inicio y el fin.");
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) throw invalid("Los minutos trabajados van de 1 a 1440.");
  const existing = await tx.jobTimeEntry.findUnique({ where: { organizationId_entryId: { organizationId: actor.organizationId, entryId: input.entryId } }, select: { jobId: true, minutes: true } });
  if (existing) {
    if (existing.jobId !== job.id) throw new AppError("CONFLICT", { message: "Ese registro de horas ya pertenece a otro trabajo." });
    return { entryId: input.entryId, minutes: existing.minutes, created: false };
  }
  await tx.jobTimeEntry.create({
    data: { organizationId: actor.organizationId, jobId: job.id, entryId: input.entryId, technicianId: actorRecord(actor).userId, startedAt: input.startedAt ?? null, endedAt: input.endedAt ?? null, minutes },
  });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: actorRecord(actor).actorType, actorId: actorRecord(actor).actorId, action: "job.time_logged", entityType: "Job", entityId: job.id,
    metadata: { minutes },
  });
  return { entryId: input.entryId, minutes, created: true };
}
