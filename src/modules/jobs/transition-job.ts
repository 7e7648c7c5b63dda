import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { OrganizationEvent } from "../events/organization-event";
import type { JobChange } from "../notifications/job-change.schemas";
import { assertJobRefs } from "./assert-job-refs";
import { assertWindow } from "./assert-window";
import { getJobRowOrThrow } from "./get-job-row-or-throw";
import { actorRecord, type JobActor } from "./job-actor";
import { assertJobTransition, type JobState } from "./job-state-machine";
import { JOB_SELECT, type JobView } from "./job-view";

export type TransitionInput = {
  to: JobState;
  note?: string;
  // Scheduling (and rescheduling) sets the window and technician in the same step.
  scheduledStart?: Date;
  scheduledEnd?: Date;
  technicianId?: string;
  // When it happened, for changes made offline and synced later (the phone's clock): kept within the job's history
  // (not before its last transition, not in the future). Absent: now.
  occurredAt?: Date;
};

export async function transitionJob(
  tx: TenantTx,
  actor: JobActor,
  jobId: string,
  input: TransitionInput,
): Promise<{ job: JobView; events: OrganizationEvent[]; changes: JobChange[] }> {
  const before = await getJobRowOrThrow(tx, actor, jobId);
  assertJobTransition({ from: before.status, to: input.to, role: actor.role, isAssignedTechnician: before.technicianId === actor.userId });
  const data: { status: JobState; scheduledStart?: Date; scheduledEnd?: Date; technicianId?: string; needsReassignment?: boolean } = { status: input.to };
  if (input.to === "scheduled") {
    const start = input.scheduledStart ?? before.scheduledStart;
    const end = input.scheduledEnd ?? before.scheduledEnd;
    const technicianId = input.technicianId ?? before.technicianId;
    if (!start || !end || !technicianId) {
      throw new AppError("VALIDATION_FAILED", {
        message: "Para agendar hace falta un horario y un técnico.",
        fields: { scheduledStart: "Indicá el horario.", technicianId: "Indicá el técnico." },
      });
    }
    assertWindow(start, end);
    await assertJobRefs(tx, { technicianId });
    Object.assign(data, { scheduledStart: start, scheduledEnd: end, technicianId });
    // Scheduled with another technician: the reassignment the flag asked for happened (issue 19).
    if (technicianId !== before.technicianId) Object.assign(data, { needsReassignment: false });
  }
  // The status guard makes a concurrent transition from the same state lose instead of both being recorded.
  const moved = await tx.job.updateMany({ where: { id: before.id, status: before.status }, data });
  if (moved.count !== 1) throw new AppError("CONFLICT", { message: "El trabajo cambió mientras tanto; volvé a intentarlo." });
  const at = input.occurredAt ? await clampToHistory(tx, before.id, input.occurredAt) : undefined;
  const transition = await tx.jobTransition.create({
    data: {
      organizationId: actor.organizationId, jobId: before.id, from: before.status, to: input.to, actorId: actorRecord(actor).actorId, actorType: actorRecord(actor).actorType,
      note: input.note ?? null, ...(at ? { at } : {}),
    },
    select: { id: true, at: true },
  });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: actorRecord(actor).actorType, actorId: actorRecord(actor).actorId, action: "job.status_changed", entityType: "Job", entityId: before.id,
    metadata: { from: before.status, to: input.to },
  });
  const job = await tx.job.findUniqueOrThrow({ where: { id: before.id }, select: JOB_SELECT });
  const event: OrganizationEvent = {
    type: "job.status_changed", organizationId: actor.organizationId, jobId: job.id, number: job.number,
    from: before.status, status: job.status, technicianId: job.technicianId, at: transition.at.toISOString(),
  };
  const change: JobChange = { organizationId: actor.organizationId, jobId: job.id, kind: "status", from: before.status, to: job.status, key: transition.id };
  return { job, events: [event], changes: [change] };
}

// A device clock may be off: the recorded time never goes before the previous step nor after now.
async function clampToHistory(tx: TenantTx, jobId: string, occurredAt: Date): Promise<Date> {
  const last = await tx.jobTransition.findFirst({ where: { jobId }, orderBy: { at: "desc" }, select: { at: true } });
  const now = Date.now();
  const floor = last?.at.getTime() ?? Number.NEGATIVE_INFINITY;
  return new Date(Math.min(now, Math.max(floor, occurredAt.getTime())));
}
