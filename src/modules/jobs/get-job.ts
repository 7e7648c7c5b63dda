import type { JobAttachmentKind, JobStatus, ActorType } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { trackingLink } from "../notifications/tracking-link";
import { LINK_VIEW_SELECT, PAYMENT_VIEW_SELECT, paymentState, toLinkView, toPaymentView, type PaymentLinkView, type PaymentView } from "../payments/payment-view";
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
  // Charging the job's quote without an invoice; once invoiced, the invoice is what is charged (its payments move there).
  payment: {
    state: "UNPAID" | "PARTIAL" | "PAID" | "INVOICED";
    owedCents: number;
    paidCents: number;
    dueCents: number;
    invoice: { id: string; paidCents: number; paidAt: Date | null } | null;
    payments: PaymentView[];
    openLink: PaymentLinkView | null;
  };
};

export async function getJob(tx: TenantTx, actor: JobActor, jobId: string): Promise<JobDetail> {
  const job = await getJobRowOrThrow(tx, actor, jobId);
  const [lines, attachments, transitions, payments, links, invoice] = await Promise.all([
    tx.jobLineItem.findMany({
      where: { jobId: job.id }, orderBy: { position: "asc" },
      select: { id: true, priceListItemId: true, description: true, quantityMilli: true, unitPriceCents: true, ivaRateBps: true, position: true },
    }),
    tx.jobAttachment.findMany({ where: { jobId: job.id }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, mimeType: true, size: true, createdAt: true } }),
    tx.jobTransition.findMany({ where: { jobId: job.id }, orderBy: { at: "asc" }, select: { from: true, to: true, actorId: true, actorType: true, at: true, note: true } }),
    tx.payment.findMany({ where: { jobId: job.id }, select: PAYMENT_VIEW_SELECT, orderBy: { createdAt: "asc" } }),
    tx.paymentLink.findMany({ where: { jobId: job.id, invoiceId: null, status: "OPEN" }, select: LINK_VIEW_SELECT, orderBy: { createdAt: "desc" }, take: 1 }),
    tx.invoice.findFirst({ where: { jobId: job.id, kind: "INVOICE", status: "AUTHORIZED" }, select: { id: true, paidCents: true, paidAt: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const { lines: net, ...totals } = computeJobTotals(lines);
  const openLink = links[0] ? toLinkView(links[0]) : null;
  const payment = {
    state: invoice ? ("INVOICED" as const) : paymentState(totals.totalCents, job.paidCents),
    owedCents: invoice ? 0 : totals.totalCents,
    paidCents: job.paidCents,
    dueCents: invoice ? 0 : Math.max(0, totals.totalCents - job.paidCents),
    invoice,
    payments: payments.map(toPaymentView),
    openLink: openLink?.status === "OPEN" ? openLink : null,
  };
  return {
    ...job, lineItems: lines.map((l, i) => ({ ...l, netCents: net[i]!.netCents })), totals, attachments, transitions,
    trackingUrl: trackingLink(actor.organizationId, job.id), payment,
  };
}
