import type { Prisma } from "@campotech/database";
import { PAYMENT_STATUS_LABELS } from "./payment-status";
import { paymentPageUrl } from "./payment-page-link";

export const PAYMENT_VIEW_SELECT = {
  id: true, organizationId: true, method: true, status: true, statusDetail: true, amountCents: true, refundedCents: true, mpPaymentId: true,
  paidAt: true, note: true, createdAt: true, invoiceId: true, jobId: true, linkId: true, recordedById: true,
  customer: { select: { id: true, name: true } },
  invoice: { select: { id: true, letter: true, kind: true, pointOfSale: true, number: true } },
  job: { select: { id: true, number: true } },
  refunds: { select: { id: true, amountCents: true, reason: true, createdAt: true, createdById: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.PaymentSelect;

export const LINK_VIEW_SELECT = {
  id: true, organizationId: true, status: true, amountCents: true, expiresAt: true, sentAt: true, checkoutUrl: true, createdAt: true,
} satisfies Prisma.PaymentLinkSelect;

type PaymentRow = Prisma.PaymentGetPayload<{ select: typeof PAYMENT_VIEW_SELECT }>;
type LinkRow = Prisma.PaymentLinkGetPayload<{ select: typeof LINK_VIEW_SELECT }>;

const METHOD_LABELS = { MERCADOPAGO: "Mercado Pago", CASH: "Efectivo", TRANSFER: "Transferencia" } as const;

const voucher = (i: { letter: string; kind: string; pointOfSale: number; number: number | null }) =>
  `${i.kind === "CREDIT_NOTE" ? "Nota de crédito" : "Factura"} ${i.letter} ${String(i.pointOfSale).padStart(5, "0")}-${i.number ? String(i.number).padStart(8, "0") : "(sin número)"}`;

export function toPaymentView(row: PaymentRow) {
  return {
    id: row.id,
    method: row.method,
    methodLabel: METHOD_LABELS[row.method],
    status: row.status,
    statusLabel: row.status === "APPROVED" && row.refundedCents > 0 ? "Devuelto en parte" : PAYMENT_STATUS_LABELS[row.status],
    statusDetail: row.statusDetail,
    amountCents: row.amountCents,
    refundedCents: row.refundedCents,
    // What can still be given back (approved payments only).
    refundableCents: row.status === "APPROVED" ? row.amountCents - row.refundedCents : 0,
    mpPaymentId: row.mpPaymentId,
    paidAt: row.paidAt,
    note: row.note,
    createdAt: row.createdAt,
    customer: row.customer,
    invoice: row.invoice ? { id: row.invoice.id, label: voucher(row.invoice) } : null,
    job: row.job,
    linkId: row.linkId,
    refunds: row.refunds,
  };
}

export function toLinkView(row: LinkRow, now: Date = new Date()) {
  const expired = row.status === "OPEN" && row.expiresAt.getTime() <= now.getTime();
  return {
    id: row.id,
    status: expired ? ("EXPIRED" as const) : row.status,
    amountCents: row.amountCents,
    expiresAt: row.expiresAt,
    sentAt: row.sentAt,
    // Our page (what the customer gets): it opens MercadoPago's checkout while the link is open.
    pageUrl: paymentPageUrl(row.organizationId, row.id),
    checkoutUrl: row.checkoutUrl,
    createdAt: row.createdAt,
  };
}

export type PaymentView = ReturnType<typeof toPaymentView>;
export type PaymentLinkView = ReturnType<typeof toLinkView>;

// UNPAID → PARTIAL → PAID, from what is owed and what was received.
export function paymentState(totalCents: number, paidCents: number): "UNPAID" | "PARTIAL" | "PAID" {
  if (totalCents > 0 && paidCents >= totalCents) return "PAID";
  return paidCents > 0 ? "PARTIAL" : "UNPAID";
}
