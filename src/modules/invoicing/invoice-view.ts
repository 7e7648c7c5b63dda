import type { Prisma } from "@campotech/database";
import type { ArcaMessage } from "../../integrations/arca";
import { LINK_VIEW_SELECT, PAYMENT_VIEW_SELECT, paymentState, toLinkView, toPaymentView } from "../payments/payment-view";
import { explainArcaMessage } from "./explain-arca-message";
import type { InvoiceLetter } from "./invoice-document";
import { DOC_TYPE_LABELS, formatDocument, RECEIVER_IVA_CONDITIONS, voucherLabel } from "./voucher-rules";

export const INVOICE_VIEW_SELECT = {
  id: true, kind: true, letter: true, voucherType: true, status: true, environment: true, pointOfSale: true, number: true,
  issueDate: true, serviceFrom: true, serviceTo: true, paymentDueDate: true,
  receiverName: true, receiverDocType: true, receiverDocNumber: true, receiverIvaConditionId: true, receiverAddress: true, receiverEmail: true,
  netCents: true, exemptCents: true, ivaCents: true, totalCents: true, ivaBreakdown: true,
  cae: true, caeDueDate: true, authorizedAt: true, arcaObservations: true, arcaErrors: true, lastError: true, attempts: true,
  sentAt: true, emailedAt: true, createdAt: true, pdfStorageKey: true, paidCents: true, paidAt: true, paymentRemindersSent: true,
  payments: { select: PAYMENT_VIEW_SELECT, orderBy: { createdAt: "asc" } },
  paymentLinks: { select: LINK_VIEW_SELECT, orderBy: { createdAt: "desc" }, take: 10 },
  customer: { select: { id: true, name: true } },
  job: { select: { id: true, number: true } },
  creditedInvoice: { select: { id: true, letter: true, kind: true, pointOfSale: true, number: true } },
  creditNotes: { select: { id: true, letter: true, kind: true, pointOfSale: true, number: true, status: true, totalCents: true }, orderBy: { createdAt: "asc" } },
  lines: { select: { description: true, quantityMilli: true, unitPriceCents: true, ivaRateBps: true, netCents: true }, orderBy: { position: "asc" } },
} satisfies Prisma.InvoiceSelect;

type Row = Prisma.InvoiceGetPayload<{ select: typeof INVOICE_VIEW_SELECT }>;

export function voucherNumberLabel(v: { letter: string; kind: "INVOICE" | "CREDIT_NOTE"; pointOfSale: number; number: number | null }): string {
  const number = v.number ? `${String(v.pointOfSale).padStart(5, "0")}-${String(v.number).padStart(8, "0")}` : "(sin número)";
  return `${voucherLabel(v.letter, v.kind)} ${number}`;
}

const withExplanation = (messages: unknown) =>
  (messages as ArcaMessage[]).map((m) => ({ code: m.code, message: m.message, explanation: explainArcaMessage(m) }));

// An invoice as the API and the dashboard show it: ARCA's words verbatim with a Spanish explanation next to them,
// what is left to credit, and where its PDF is.
export function toInvoiceView(row: Row) {
  const credited = row.creditNotes.filter((n) => n.status !== "REJECTED").reduce((sum, n) => sum + n.totalCents, 0);
  return {
    id: row.id,
    kind: row.kind,
    letter: row.letter as InvoiceLetter,
    voucherType: row.voucherType,
    label: voucherNumberLabel(row),
    status: row.status,
    environment: row.environment,
    pointOfSale: row.pointOfSale,
    number: row.number,
    issueDate: row.issueDate,
    serviceFrom: row.serviceFrom,
    serviceTo: row.serviceTo,
    paymentDueDate: row.paymentDueDate,
    customer: row.customer,
    job: row.job,
    receiver: {
      name: row.receiverName,
      docType: row.receiverDocType,
      docLabel: DOC_TYPE_LABELS[row.receiverDocType] ?? String(row.receiverDocType),
      docNumber: row.receiverDocNumber,
      docFormatted: formatDocument(row.receiverDocType, row.receiverDocNumber),
      ivaConditionId: row.receiverIvaConditionId,
      ivaCondition: RECEIVER_IVA_CONDITIONS[row.receiverIvaConditionId]?.label ?? String(row.receiverIvaConditionId),
      address: row.receiverAddress,
      email: row.receiverEmail,
    },
    netCents: row.netCents,
    exemptCents: row.exemptCents,
    ivaCents: row.ivaCents,
    totalCents: row.totalCents,
    ivaBreakdown: row.ivaBreakdown as { ivaRateBps: number; baseCents: number; ivaCents: number }[],
    lines: row.lines,
    cae: row.cae,
    caeDueDate: row.caeDueDate,
    authorizedAt: row.authorizedAt,
    arca: { observations: withExplanation(row.arcaObservations), errors: withExplanation(row.arcaErrors) },
    lastError: row.lastError,
    attempts: row.attempts,
    creditedInvoice: row.creditedInvoice ? { id: row.creditedInvoice.id, label: voucherNumberLabel(row.creditedInvoice) } : null,
    creditNotes: row.creditNotes.map((n) => ({ id: n.id, label: voucherNumberLabel(n), status: n.status, totalCents: n.totalCents })),
    creditableCents: row.kind === "INVOICE" && row.status === "AUTHORIZED" ? Math.max(0, row.totalCents - credited) : 0,
    pdfUrl: row.status === "AUTHORIZED" ? `/api/invoices/${row.id}/pdf` : null,
    payment: paymentOf(row),
    sentAt: row.sentAt,
    emailedAt: row.emailedAt,
    createdAt: row.createdAt,
  };
}

// What is owed and paid of an authorized invoice (credit notes subtract); a draft or a credit note owes nothing.
function paymentOf(row: Row) {
  const credited = row.creditNotes.filter((n) => n.status === "AUTHORIZED").reduce((sum, n) => sum + n.totalCents, 0);
  const chargeable = row.kind === "INVOICE" && row.status === "AUTHORIZED";
  const owedCents = chargeable ? Math.max(0, row.totalCents - credited) : 0;
  const links = row.paymentLinks.map((l) => toLinkView(l));
  return {
    state: chargeable ? paymentState(owedCents, row.paidCents) : ("NOT_CHARGEABLE" as const),
    owedCents,
    paidCents: row.paidCents,
    dueCents: Math.max(0, owedCents - row.paidCents),
    paidAt: row.paidAt,
    remindersSent: row.paymentRemindersSent,
    payments: row.payments.map(toPaymentView),
    openLink: links.find((l) => l.status === "OPEN") ?? null,
    links,
  };
}

export type InvoiceView = ReturnType<typeof toInvoiceView>;
