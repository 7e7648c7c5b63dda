import type { JobUrgency, ServiceType } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import type { OrganizationEvent } from "../events/organization-event";
import { assertJobRefs } from "./assert-job-refs";
import { actorRecord, type JobActor } from "./job-actor";
import { JOB_SELECT, type JobView } from "./job-view";

export type CreateJobInput = {
  customerId: string;
  address: string;
  serviceType: ServiceType;
  description: string;
  urgency?: JobUrgency;
  technicianId?: string | null;
};

// Jobs start pending; scheduling is a transition (it needs a window and a technician). Numbers are sequential per
// organization: a transaction-scoped advisory lock serializes concurrent creations, the unique index backs it up.
export async function createJob(tx: TenantTx, actor: JobActor, input: CreateJobInput): Promise<{ job: JobView; events: OrganizationEvent[] }> {
  await assertJobRefs(tx, input);
  const who = actorRecord(actor);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7302, hashtext(${actor.organizationId}))`;
  const last = await tx.job.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  const job = await tx.job.create({
    data: {
      organizationId: actor.organizationId,
      number: (last?.number ?? 0) + 1,
      customerId: input.customerId,
      address: input.address,
      serviceType: input.serviceType,
      description: input.description,
      urgency: input.urgency ?? "NORMAL",
      technicianId: input.technicianId ?? null,
      createdById: who.userId,
      transitions: { create: { organizationId: actor.organizationId, to: "pending", actorId: who.actorId, actorType: who.actorType } },
    },
    select: JOB_SELECT,
  });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: who.actorType, actorId: who.actorId, action: "job.created", entityType: "Job", entityId: job.id,
    metadata: { number: job.number, urgency: job.urgency, serviceType: job.serviceType },
  });
  const event: OrganizationEvent = {
    type: "job.created", organizationId: actor.organizationId, jobId: job.id, number: job.number, status: job.status, technicianId: job.technicianId, at: job.createdAt.toISOString(),
  };
  return { job, events: [event] };
}
