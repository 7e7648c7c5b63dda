import { withTenant } from "../../lib/db";
import { getMediaStorage } from "../media/get-media-storage";
import type { MediaStorage } from "../media/media-storage";
import { buildInvoiceDocument } from "./build-invoice-document";
import { renderInvoicePdf } from "./render-invoice-pdf";
import { voucherNumberLabel } from "./invoice-view";

// The PDF of an authorized invoice: rendered once and kept in media storage (local or S3) next to customer media;
// an authorized invoice never changes, so the stored file is always the right one.
export async function getInvoicePdf(
  organizationId: string,
  invoiceId: string,
  storage: MediaStorage = getMediaStorage(),
): Promise<{ bytes: Uint8Array; filename: string }> {
  const invoice = await withTenant(organizationId, (tx) =>
    tx.invoice.findUnique({ where: { id: invoiceId }, select: { pdfStorageKey: true, letter: true, kind: true, pointOfSale: true, number: true, authorizedAt: true } }),
  );
  const filename = invoice ? `${voucherNumberLabel(invoice).replace(/\s+/g, "-")}.pdf` : "factura.pdf";
  if (invoice?.pdfStorageKey) {
    const stored = await storage.get(invoice.pdfStorageKey);
    if (stored) return { bytes: stored, filename };
  }
  const document = await withTenant(organizationId, (tx) => buildInvoiceDocument(tx, invoiceId));
  const bytes = await renderInvoicePdf(document, invoice?.authorizedAt ? { creationDate: invoice.authorizedAt } : {});
  const key = `${organizationId}/invoices/${invoiceId}.pdf`;
  await storage.put(key, bytes, "application/pdf");
  await withTenant(organizationId, (tx) => tx.invoice.update({ where: { id: invoiceId }, data: { pdfStorageKey: key } }));
  return { bytes, filename };
}
