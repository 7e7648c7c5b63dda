import type { TenantTx } from "@campotech/database";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { toWaId } from "../../lib/phone";
import { paymentPageUrl } from "../payments/payment-page-link";
import { invoiceWhatsAppQr } from "../wa-links/invoice-whatsapp-qr";
import { buildArcaQrUrl } from "./build-arca-qr-url";
import type { InvoiceDocument, InvoiceLetter } from "./invoice-document";
import { voucherNumberLabel } from "./invoice-view";
import { DOC_TYPE_LABELS, formatDocument, ISSUER_CONDITION_LABELS, RECEIVER_IVA_CONDITIONS } from "./voucher-rules";

const LEY_27618 =
  "El crédito fiscal discriminado en el presente comprobante sólo podrá ser computado a efectos del Régimen de Sostenimiento e Inclusión Fiscal para Pequeños Contribuyentes de la Ley N° 27.618.";

// An authorized invoice as its printed form shows it (RG 1415 fields, the QR of RG 4892/2020, legends). Class A
// shows net prices and IVA per rate; B and C show prices with IVA included (B adds "IVA contenido", Ley 27.743).
export async function buildInvoiceDocument(tx: TenantTx, invoiceId: string): Promise<InvoiceDocument> {
  const invoice = await tx.invoice.findUnique({
    where: { id: invoiceId },
    include: {
      lines: { orderBy: { position: "asc" } },
      // The customer's "pagar" page while a payment link is open and the invoice is not paid: the PDF's second QR.
      paymentLinks: { where: { status: "OPEN", expiresAt: { gt: new Date() } }, select: { id: true }, orderBy: { createdAt: "desc" }, take: 1 },
      creditedInvoice: { select: { letter: true, kind: true, pointOfSale: true, number: true, issueDate: true } },
      organization: { select: { name: true, arcaConnection: true, whatsappAccts: { where: { provisioningStatus: "ACTIVE" }, select: { displayPhoneNumber: true }, take: 1 } } },
    },
  });
  if (!invoice) throw new AppError("NOT_FOUND", { message: "No encontramos esa factura." });
  if (invoice.status !== "AUTHORIZED" || !invoice.number || !invoice.cae || !invoice.caeDueDate) {
    throw new AppError("CONFLICT", { message: "La factura todavía no está autorizada por ARCA: no hay comprobante para mostrar." });
  }
  const connection = invoice.organization.arcaConnection;
  if (!connection) throw new AppError("VALIDATION_FAILED", { message: "Falta la conexión con ARCA." });
  const letter = invoice.letter as InvoiceLetter;
  const showsIva = letter === "A";
  const grossOf = (netCents: number, rateBps: number) => netCents + Math.round((netCents * rateBps) / 10_000);
  const phone = invoice.organization.whatsappAccts[0]?.displayPhoneNumber;
  const legends: string[] = [];
  if (letter === "A" && [6, 13, 16].includes(invoice.receiverIvaConditionId)) legends.push(LEY_27618);

  return {
    issuer: {
      businessName: connection.businessName,
      tradeName: invoice.organization.name !== connection.businessName ? invoice.organization.name : null,
      cuit: connection.cuit,
      address: connection.businessAddress,
      ivaConditionLabel: ISSUER_CONDITION_LABELS[connection.issuerCondition],
      grossIncomeNumber: connection.grossIncomeNumber,
      activityStartDate: connection.activityStartDate,
      whatsappLink: phone ? `https://wa.me/${toWaId(`+${phone.replace(/\D/g, "")}`)}` : null,
    },
    invoice: {
      letter,
      voucherType: invoice.voucherType,
      kindLabel: invoice.kind === "CREDIT_NOTE" ? "NOTA DE CRÉDITO" : "FACTURA",
      pointOfSale: invoice.pointOfSale,
      number: invoice.number,
      issueDate: invoice.issueDate,
      serviceFrom: invoice.serviceFrom,
      serviceTo: invoice.serviceTo,
      paymentDueDate: invoice.paymentDueDate,
      cae: invoice.cae,
      caeDueDate: invoice.caeDueDate,
      associatedLabel: invoice.creditedInvoice ? `${voucherNumberLabel(invoice.creditedInvoice)} del ${invoice.creditedInvoice.issueDate.split("-").reverse().join("/")}` : null,
      environmentLabel: invoice.environment === "PRODUCCION" ? null : "HOMOLOGACIÓN — comprobante de prueba, sin validez fiscal",
    },
    receiver: {
      name: invoice.receiverName,
      documentLabel: DOC_TYPE_LABELS[invoice.receiverDocType] ?? "Documento",
      documentNumber: formatDocument(invoice.receiverDocType, invoice.receiverDocNumber),
      ivaConditionLabel: RECEIVER_IVA_CONDITIONS[invoice.receiverIvaConditionId]?.label ?? "",
      address: invoice.receiverAddress,
    },
    lines: invoice.lines.map((line) => {
      const subtotal = showsIva ? line.netCents : grossOf(line.netCents, line.ivaRateBps);
      return {
        description: line.description,
        quantityMilli: line.quantityMilli,
        unitPriceCents: showsIva ? line.unitPriceCents : grossOf(line.unitPriceCents, line.ivaRateBps),
        subtotalCents: subtotal,
        ivaRateBps: showsIva ? line.ivaRateBps : null,
      };
    }),
    totals: {
      netCents: invoice.netCents,
      exemptCents: invoice.exemptCents,
      ivaByRate: invoice.ivaBreakdown as InvoiceDocument["totals"]["ivaByRate"],
      ivaCents: invoice.ivaCents,
      totalCents: invoice.totalCents,
    },
    legends,
    qrUrl: buildArcaQrUrl({
      issueDate: invoice.issueDate,
      issuerCuit: connection.cuit,
      pointOfSale: invoice.pointOfSale,
      voucherType: invoice.voucherType,
      voucherNumber: invoice.number,
      totalCents: invoice.totalCents,
      receiverDocType: invoice.receiverDocType,
      receiverDocNumber: invoice.receiverDocNumber,
      authorizationCode: invoice.cae,
      baseUrl: env.ARCA_QR_BASE_URL,
    }),
    paymentUrl: invoice.paidAt || !invoice.paymentLinks[0] ? null : paymentPageUrl(invoice.organizationId, invoice.paymentLinks[0].id),
    whatsappQr: await invoiceWhatsAppQr(tx, invoice.organizationId),
  };
}
