import type { TenantTx } from "@campotech/database";
import { computeJobTotals } from "../jobs/compute-job-totals";
import { countsAsPaid } from "./payment-status";

// Payments for one invoice or job are applied one at a time: two notifications (or a notification and a manual
// payment) summing at once would each miss the other's amount.
const PAYMENTS_LOCK_CLASS = 7_303;

export async function lockChargeTarget(tx: TenantTx, organizationId: string, target: { invoiceId: string | null; jobId: string | null }): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PAYMENTS_LOCK_CLASS}::int, hashtext(${`${organizationId}:${target.invoiceId ?? target.jobId ?? "none"}`}))`;
}

export type PaidState = { paidCents: number; fullyPaid: boolean };

// Paid so far = approved payments minus their refunds (a chargeback takes the money back: it counts nothing). Written
// on the invoice or job, with paidAt set when it covers the total (credit notes subtract from an invoice's total) and
// cleared if a refund opens it again. Links whose amount is covered by their own payments become PAID.
export async function recomputePaid(tx: TenantTx, target: { invoiceId: string | null; jobId: string | null }, now: Date): Promise<PaidState> {
  const where = target.invoiceId ? { invoiceId: target.invoiceId } : { jobId: target.jobId, invoiceId: null };
  const payments = await tx.payment.findMany({ where, select: { status: true, amountCents: true, refundedCents: true, linkId: true, paidAt: true } });
  const counted = payments.filter((p) => countsAsPaid(p.status));
  const paidCents = counted.reduce((sum, p) => sum + p.amountCents - p.refundedCents, 0);
  const lastPaidAt = counted.reduce<Date | null>((last, p) => (p.paidAt && (!last || p.paidAt > last) ? p.paidAt : last), null) ?? now;

  let totalCents: number;
  if (target.invoiceId) {
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: target.invoiceId },
      select: { totalCents: true, paidAt: true, pdfStorageKey: true, creditNotes: { where: { status: "AUTHORIZED" }, select: { totalCents: true } } },
    });
    totalCents = invoice.totalCents - invoice.creditNotes.reduce((sum, n) => sum + n.totalCents, 0);
    const fullyPaid = paidCents >= totalCents && totalCents > 0;
    // Paid in full: the PDF loses its "pagar" QR on the next download.
    const dropPdf = fullyPaid && !invoice.paidAt && invoice.pdfStorageKey;
    await tx.invoice.update({ where: { id: target.invoiceId }, data: { paidCents, paidAt: fullyPaid ? (invoice.paidAt ?? lastPaidAt) : null, ...(dropPdf ? { pdfStorageKey: null } : {}) } });
  } else {
    const job = await tx.job.findUniqueOrThrow({ where: { id: target.jobId! }, select: { paidAt: true, lineItems: { select: { quantityMilli: true, unitPriceCents: true, ivaRateBps: true } } } });
    totalCents = computeJobTotals(job.lineItems).totalCents;
    const fullyPaid = paidCents >= totalCents && totalCents > 0;
    await tx.job.update({ where: { id: target.jobId! }, data: { paidCents, paidAt: fullyPaid ? (job.paidAt ?? lastPaidAt) : null } });
  }

  const byLink = new Map<string, number>();
  for (const p of counted) if (p.linkId) byLink.set(p.linkId, (byLink.get(p.linkId) ?? 0) + p.amountCents - p.refundedCents);
  // A link stays PAID once covered: after a refund, what is due again gets a new link (the old one asking for its whole
  // amount again would let the customer pay twice).
  const links = await tx.paymentLink.findMany({ where: { ...where, status: "OPEN" }, select: { id: true, amountCents: true } });
  for (const link of links) {
    if ((byLink.get(link.id) ?? 0) >= link.amountCents) await tx.paymentLink.update({ where: { id: link.id }, data: { status: "PAID" } });
  }
  return { paidCents, fullyPaid: paidCents >= totalCents && totalCents > 0 };
}
