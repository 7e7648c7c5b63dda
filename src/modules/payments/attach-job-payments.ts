import type { TenantTx } from "@campotech/database";
import { lockChargeTarget, recomputePaid } from "./recompute-paid";

// A job charged before it was invoiced (a seña in cash, a link for the quote) has its payments move to the invoice
// when ARCA authorizes it, so the invoice shows what is already paid and only the rest is asked for. Links still open
// for the job follow their payments.
export async function attachJobPaymentsToInvoice(tx: TenantTx, input: { organizationId: string; invoiceId: string; jobId: string | null; now: Date }): Promise<void> {
  if (!input.jobId) return;
  await lockChargeTarget(tx, input.organizationId, { invoiceId: null, jobId: input.jobId });
  const { count } = await tx.payment.updateMany({ where: { jobId: input.jobId, invoiceId: null }, data: { invoiceId: input.invoiceId } });
  await tx.paymentLink.updateMany({ where: { jobId: input.jobId, invoiceId: null }, data: { invoiceId: input.invoiceId } });
  if (!count) return;
  await recomputePaid(tx, { invoiceId: input.invoiceId, jobId: input.jobId }, input.now);
  await recomputePaid(tx, { invoiceId: null, jobId: input.jobId }, input.now);
}
