import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { INVOICE_VIEW_SELECT, toInvoiceView } from "./invoice-view";

export async function getInvoice(tx: TenantTx, id: string) {
  const row = await tx.invoice.findUnique({ where: { id }, select: INVOICE_VIEW_SELECT });
  if (!row) throw new AppError("NOT_FOUND", { message: "No encontramos esa factura." });
  return toInvoiceView(row);
}
