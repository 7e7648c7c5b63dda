import type { JobAttachmentKind, JobStatus, ActorType } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { trackingLink } from "../notifications/tracking-link";
import { computeJobTotals, type JobTotals } from "./compute-job-totals";
import { getJobRowOrThrow } from "./get-job-row-or-throw";
import type { JobActor } from "./job-actor";
import type { JobView } from "./job-view";

export type JobDetail = JobView & {
  lineItems: { id: string; priceListItemId: string | null; description: string; quantityMilli: number; unitPriceCents: number; ivaRateBps: number; position: number; netCents: number }[];
  totals: Omit<JobTotals, "lines">;
  attachments: { id: string; kind: JobAttachmentKind; mimeType: string; size: number; createdAt: Date }[];
  transitions: { from: JobStatus | null; to: JobStatus; actorId: string | null; actorType: ActorType; at: Date; note: string | null }[];
  // The customer's tracking page (sent with "en camino"); the office can also share it by hand.
  trackingUrl: string;
};

export async function getJob(tx: TenantTx, actor: JobActor, jobId: string): Promise<JobDetail> {
  const job = await getJobRowOrThrow(tx, actor, jobId);
  const [lines, attachments, transitions] = await Promise.all([
    tx.jobLineItem.findMany({
      where: { jobId: job.id }, orderBy: { position: "asc" },
      select: { id: true, priceListItemId: true, description: true, quantityMilli: true, unitPriceCents: true, ivaRateBps: true, position: true },
    }),
    tx.jobAttachment.findMany({ where: { jobId: job.id }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, mimeType: true, size: true, createdAt: true } }),
    tx.jobTransition.findMany({ where: { jobId: job.id }, orderBy: { at: "asc" }, select: { from: true, to: true, actorId: true, actorType: true, at: true, note: true } }),
  ]);
  const { lines: net, ...totals } = computeJobTotals(lines);
  return { ...job, lineItems: lines.map((l, i) => ({ ...l, netCents: net[i]!.netCents })), totals, attachments, transitions, trackingUrl: trackingLink(actor.organizationId, job.id) };
}
