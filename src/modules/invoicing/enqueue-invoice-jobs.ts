import { enqueue } from "../../workers/enqueue";
import { AUTHORIZE_INVOICE_JOB, DELIVER_INVOICE_JOB } from "./invoice-job-names";

// One authorization job per request round (a "Reintentar" is a new round, so BullMQ does not swallow it as a
// duplicate of the job that gave up); one delivery job per invoice unless resent on purpose.
export async function enqueueInvoiceAuthorization(input: { organizationId: string; invoiceId: string; round: number }): Promise<void> {
  await enqueue(AUTHORIZE_INVOICE_JOB, { organizationId: input.organizationId, invoiceId: input.invoiceId }, { jobId: `invoice-authorize-${input.invoiceId}-${input.round}` });
}

export async function enqueueInvoiceDelivery(input: { organizationId: string; invoiceId: string; resend?: number }): Promise<void> {
  await enqueue(DELIVER_INVOICE_JOB, { organizationId: input.organizationId, invoiceId: input.invoiceId }, {
    jobId: `invoice-deliver-${input.invoiceId}${input.resend ? `-${input.resend}` : ""}`,
    // Behind any waiting authorization: a CAE is what makes the invoice legal; its PDF (~0.1 s of CPU) can follow.
    priority: 10,
  });
}
