import type { LatLng } from "../../contracts/tracking";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { OrganizationEvent } from "../events/organization-event";
import { getJobRowOrThrow } from "../jobs/get-job-row-or-throw";
import { actorRecord, writesAllJobs, type JobActor } from "../jobs/job-actor";

export type JobLocationView = { jobId: string; location: LatLng; source: "DASHBOARD" | "TECHNICIAN"; geocodedAt: string | null };

// PUT /api/jobs/:id/location: a pin on the map (the office) or "estoy en la puerta" from the technician's app (only on
// their own job; getJobRowOrThrow hides other jobs). A pin wins over the geocoder from then on. The caller publishes
// the events (publishJobChanges), which drops the technician's cached destination.
export async function setJobLocation(tx: TenantTx, actor: JobActor, jobId: string, location: LatLng): Promise<{ view: JobLocationView; events: OrganizationEvent[] }> {
  const job = await getJobRowOrThrow(tx, actor, jobId);
  if (job.status === "completed" || job.status === "cancelled") {
    throw new AppError("CONFLICT", { message: "Un trabajo terminado o cancelado ya no se puede ubicar en el mapa." });
  }
  const source = writesAllJobs(actor) ? "DASHBOARD" : "TECHNICIAN";
  await tx.job.update({ where: { id: job.id }, data: { latitude: location.lat, longitude: location.lng, locationSource: source, geocodedAt: null } });
  const who = actorRecord(actor);
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: who.actorType, actorId: who.actorId, action: "job.location_set", entityType: "Job", entityId: job.id,
    // Coordinates are as personal as the address: the audit says who pinned it and how, not where.
    metadata: { source },
  });
  const event: OrganizationEvent = {
    type: "job.updated", organizationId: actor.organizationId, jobId: job.id, number: job.number, status: job.status, fields: ["location"],
    technicianId: job.technicianId, previousTechnicianId: job.technicianId, at: new Date().toISOString(),
  };
  return { view: { jobId: job.id, location, source, geocodedAt: null }, events: [event] };
}
