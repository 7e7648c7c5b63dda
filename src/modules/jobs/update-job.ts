import type { JobUrgency, ServiceType } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { OrganizationEvent } from "../events/organization-event";
import type { JobChange } from "../notifications/job-change.schemas";
import { assertJobRefs } from "./assert-job-refs";
import { assertWindow } from "./assert-window";
import { getJobRowOrThrow } from "./get-job-row-or-throw";
import { actorRecord, writesAllJobs, type JobActor } from "./job-actor";
import { JOB_SELECT, type JobView } from "./job-view";

export type JobChanges = {
  customerId?: string;
  address?: string;
  serviceType?: ServiceType;
  description?: string;
  notes?: string;
  urgency?: JobUrgency;
  technicianId?: string | null;
  scheduledStart?: Date | null;
  scheduledEnd?: Date | null;
};

const CHANGEABLE = ["customerId", "address", "serviceType", "description", "notes", "urgency", "technicianId", "scheduledStart", "scheduledEnd"] as const;
// What a technician may change on their own job (the app's notes); everything else is the office's.
const TECHNICIAN_CHANGEABLE: ReadonlySet<string> = new Set(["notes"]);
const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

// Details, not status (that goes through transitionJob). A scheduled job keeps a full window and a technician.
// The audit keeps which fields changed, not the values (addresses, descriptions and notes are personal data).
// Technicians (through the app's sync) may change only the notes of their own jobs.
export async function updateJob(
  tx: TenantTx,
  actor: JobActor,
  jobId: string,
  changes: JobChanges,
): Promise<{ job: JobView; changes: JobChange[]; events: OrganizationEvent[] }> {
  const before = await getJobRowOrThrow(tx, actor, jobId);
  if (before.status === "completed" || before.status === "cancelled") {
    throw new AppError("CONFLICT", { message: "Un trabajo terminado o cancelado ya no se puede editar." });
  }
  const changed = CHANGEABLE.filter((key) => changes[key] !== undefined && !same(changes[key], before[key]));
  if (!changed.length) return { job: before, changes: [], events: [] };
  if (!writesAllJobs(actor) && changed.some((key) => !TECHNICIAN_CHANGEABLE.has(key))) {
    throw new AppError("FORBIDDEN", { message: "Desde la app solo podés cambiar las notas del trabajo; lo demás lo cambia la oficina." });
  }
  const after = { ...before, ...Object.fromEntries(changed.map((key) => [key, changes[key]])) } as JobView;
  assertWindow(after.scheduledStart, after.scheduledEnd);
  if (before.status !== "pending" && (!after.technicianId || !after.scheduledStart)) {
    throw new AppError("VALIDATION_FAILED", { message: "Un trabajo agendado necesita técnico y horario.", fields: { technicianId: "Necesita técnico y horario." } });
  }
  await assertJobRefs(tx, { customerId: changes.customerId, technicianId: changes.technicianId });
  const data: Record<string, unknown> = Object.fromEntries(changed.map((key) => [key, changes[key]]));
  // A new technician (or none, back to the office's queue) settles a pending reassignment (issue 19).
  if (changed.includes("technicianId")) data.needsReassignment = false;
  if (changed.includes("address")) {
    // Geocoded coordinates belong to the old address: dropped (the geocoder runs again). A pin someone placed by hand
    // stays: it is more likely right than a geocoder's guess for the new text.
    const location = await tx.job.findUniqueOrThrow({ where: { id: before.id }, select: { locationSource: true } });
    if (location.locationSource === "GEOCODED") Object.assign(data, { latitude: null, longitude: null, locationSource: null, geocodedAt: null });
  }
  const job = await tx.job.update({ where: { id: before.id }, data, select: JOB_SELECT });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: actorRecord(actor).actorType, actorId: actorRecord(actor).actorId, action: "job.updated", entityType: "Job", entityId: job.id,
    metadata: { fields: changed },
  });
  const event: OrganizationEvent = {
    type: "job.updated", organizationId: actor.organizationId, jobId: job.id, number: job.number, status: job.status, fields: [...changed],
    technicianId: job.technicianId, previousTechnicianId: before.technicianId, at: job.updatedAt.toISOString(),
  };
  return { job, changes: followUps(actor.organizationId, before, job, changed), events: [event] };
}

// Moving a scheduled job re-arms its reminders and tells the customer; a new technician hears about it. Only
// scheduled jobs: once the technician is on the way the visit is happening and reminders are already gone.
function followUps(organizationId: string, before: JobView, job: JobView, changed: readonly string[]): JobChange[] {
  if (job.status !== "scheduled") return [];
  const base = { organizationId, jobId: job.id, key: `update-${job.updatedAt.getTime()}` };
  if (changed.includes("scheduledStart")) return [{ ...base, kind: "rescheduled" }];
  if (changed.includes("technicianId") && before.technicianId !== job.technicianId) return [{ ...base, kind: "reassigned" }];
  return [];
}
