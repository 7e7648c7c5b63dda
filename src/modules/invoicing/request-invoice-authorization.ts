import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { InvoiceActor } from "./create-invoice";

// DRAFT → PENDING: the invoice joins the authorization queue. Also the "Reintentar" of an invoice whose
// authorization could not finish (still PENDING or AUTHORIZING after its job gave up): it goes back in the queue,
// where an AUTHORIZING one is reconciled with ARCA before anything is re-sent. The caller enqueues after commit
// (enqueueInvoiceAuthorization), with the returned round in the job id so a retry is a new job.
export async function requestInvoiceAuthorization(tx: TenantTx, actor: InvoiceActor, input: { organizationId: string; invoiceId: string }) {
  const invoice = await tx.invoice.findUnique({ where: { id: input.invoiceId }, select: { id: true, status: true, attempts: true, kind: true } });
  if (!invoice) throw new AppError("NOT_FOUND", { message: "No encontramos esa factura." });
  if (invoice.status === "AUTHORIZED") throw new AppError("CONFLICT", { message: "La factura ya está autorizada por ARCA." });
  if (invoice.status === "REJECTED") throw new AppError("CONFLICT", { message: "ARCA rechazó esta factura: corregí los datos y emití una nueva." });
  const { count } = await tx.invoice.updateMany({
    where: { id: invoice.id, status: invoice.status },
    data: { status: invoice.status === "DRAFT" ? "PENDING" : invoice.status, lastError: null },
  });
  if (!count) throw new AppError("CONFLICT", { message: "La factura cambió mientras tanto: recargá la página." });
  await appendAuditLog(tx, {
    organizationId: input.organizationId, actorType: "USER", actorId: actor.userId,
    action: invoice.status === "DRAFT" ? "invoice.authorization_requested" : "invoice.authorization_retried", entityType: "Invoice", entityId: invoice.id,
  });
  return { invoiceId: invoice.id, round: invoice.attempts };
}
