import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";

const OPEN_JOB_STATUSES = ["pending", "scheduled", "en_camino", "working"] as const;

// What stops an erasure (Ley 25.326 art. 16.5 lets data be kept while a contractual relationship needs it): a job
// not finished or cancelled (the technician still needs the address and phone), an invoice not yet authorized
// (ARCA still needs the receptor fields) and an authorized invoice not fully paid (the business still has to
// collect). The owner finishes or cancels the job, issues or deletes the draft, or records the payment first.
export async function assertCustomerErasable(tx: TenantTx, customerId: string): Promise<void> {
  const [openJobs, pendingInvoices, unpaid] = await Promise.all([
    tx.job.count({ where: { customerId, status: { in: [...OPEN_JOB_STATUSES] } } }),
    tx.invoice.count({ where: { customerId, status: { in: ["DRAFT", "PENDING", "AUTHORIZING"] } } }),
    tx.invoice.findMany({ where: { customerId, kind: "INVOICE", status: "AUTHORIZED", paidAt: null }, select: { totalCents: true, paidCents: true } }),
  ]);
  const owed = unpaid.filter((i) => i.paidCents < i.totalCents).length;
  const reasons = [
    openJobs ? `tiene ${openJobs === 1 ? "un trabajo abierto" : `${openJobs} trabajos abiertos`} (terminalo o cancelalo)` : null,
    pendingInvoices ? `tiene ${pendingInvoices === 1 ? "una factura" : `${pendingInvoices} facturas`} sin emitir (emitila o borrá el borrador)` : null,
    owed ? `tiene ${owed === 1 ? "una factura impaga" : `${owed} facturas impagas`} (registrá el pago primero)` : null,
  ].filter(Boolean);
  if (reasons.length) {
    throw new AppError("CONFLICT", { message: `No se pueden eliminar los datos de este cliente todavía: ${reasons.join("; ")}.` });
  }
}
