import { createHash } from "node:crypto";
import type { SyncJob, SyncJobStatus } from "../../contracts/sync";
import type { TenantTx } from "../../lib/db";
import { computeJobTotals } from "../jobs/compute-job-totals";
import type { JobActor } from "../jobs/job-actor";
import { allowedTransitions } from "../jobs/job-state-machine";

const LINE_SELECT = { id: true, jobId: true, priceListItemId: true, description: true, quantityMilli: true, unitPriceCents: true, ivaRateBps: true, position: true } as const;
type LineRow = { priceListItemId: string | null; description: string; quantityMilli: number; unitPriceCents: number; ivaRateBps: number };

// A short fingerprint of a job's quote lines: the phone echoes it when replacing them, so an office edit made
// meanwhile is a conflict instead of being overwritten.
export function linesVersion(lines: readonly LineRow[]): string {
  const canonical = lines.map((l) => [l.priceListItemId, l.description, l.quantityMilli, l.unitPriceCents, l.ivaRateBps]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex").slice(0, 16);
}

// The jobs as the phone holds them, in a handful of queries for the whole page. The caller decides which ids are in the
// actor's view; this only reads (RLS keeps it inside the organization).
export async function loadSyncJobs(tx: TenantTx, actor: JobActor, jobIds: readonly string[]): Promise<SyncJob[]> {
  if (!jobIds.length) return [];
  const ids = [...jobIds];
  const [jobs, lines, attachments, transitions, entries] = await Promise.all([
    tx.job.findMany({
      where: { id: { in: ids } },
      select: {
        id: true, number: true, status: true, serviceType: true, urgency: true, description: true, notes: true, address: true, latitude: true, longitude: true,
        scheduledStart: true, scheduledEnd: true, technicianId: true, updatedAt: true, customer: { select: { id: true, name: true, phone: true, address: true } },
      },
    }),
    tx.jobLineItem.findMany({ where: { jobId: { in: ids } }, orderBy: { position: "asc" }, select: LINE_SELECT }),
    tx.jobAttachment.findMany({ where: { jobId: { in: ids } }, orderBy: { createdAt: "asc" }, select: { id: true, jobId: true, kind: true, mimeType: true, size: true, sha256: true, createdAt: true } }),
    tx.jobTransition.findMany({ where: { jobId: { in: ids } }, orderBy: { at: "asc" }, select: { jobId: true, from: true, to: true, at: true, note: true, actorType: true, actorId: true } }),
    tx.jobTimeEntry.findMany({ where: { jobId: { in: ids } }, orderBy: { createdAt: "asc" }, select: { jobId: true, entryId: true, minutes: true, startedAt: true, endedAt: true, technicianId: true } }),
  ]);
  const byJob = <T extends { jobId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.jobId, [...(map.get(row.jobId) ?? []), row]);
    return map;
  };
  const linesOf = byJob(lines);
  const attachmentsOf = byJob(attachments);
  const transitionsOf = byJob(transitions);
  const entriesOf = byJob(entries);
  const order = new Map(ids.map((id, i) => [id, i]));
  return jobs
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((job) => {
      const jobLines = linesOf.get(job.id) ?? [];
      const { lines: net, ...totals } = computeJobTotals(jobLines);
      const jobEntries = entriesOf.get(job.id) ?? [];
      return {
        id: job.id, number: job.number, status: job.status,
        allowedTransitions: allowedTransitions({ from: job.status, role: actor.role, isAssignedTechnician: job.technicianId === actor.userId }) as SyncJobStatus[],
        serviceType: job.serviceType, urgency: job.urgency, description: job.description, notes: job.notes, address: job.address,
        location: job.latitude !== null && job.longitude !== null ? { lat: job.latitude, lng: job.longitude } : null,
        scheduledStart: job.scheduledStart?.toISOString() ?? null, scheduledEnd: job.scheduledEnd?.toISOString() ?? null, technicianId: job.technicianId,
        customer: job.customer,
        lineItems: jobLines.map(({ jobId: _, ...l }, i) => ({ ...l, netCents: net[i]!.netCents })),
        linesVersion: linesVersion(jobLines),
        totals,
        attachments: (attachmentsOf.get(job.id) ?? []).map(({ jobId: _, ...a }) => ({ ...a, createdAt: a.createdAt.toISOString(), url: `/api/jobs/${job.id}/attachments/${a.id}` })),
        transitions: (transitionsOf.get(job.id) ?? []).map(({ jobId: _, ...t }) => ({ ...t, at: t.at.toISOString() })),
        timeEntries: jobEntries.map(({ jobId: _, ...e }) => ({ ...e, startedAt: e.startedAt?.toISOString() ?? null, endedAt: e.endedAt?.toISOString() ?? null })),
        workedMinutes: jobEntries.reduce((sum, e) => sum + e.minutes, 0),
        updatedAt: job.updatedAt.toISOString(),
      };
    });
}
