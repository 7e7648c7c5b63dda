// Spanish names and small helpers for the payments pages. Safe in client components (types only from the core).
// Amounts are integer centavos (shown with formatMoney from the invoicing pages); dates arrive as ISO strings.
import { PAYMENT_STATUS_LABELS, PAYMENT_STATUSES as STATUSES } from "@campotech/core/contracts/payments";
import type { PaymentLinkView, PaymentView } from "@campotech/core/modules/payments";

export type PaymentState = "UNPAID" | "PARTIAL" | "PAID";
export type PaymentStatus = PaymentView["status"];
export type PaymentMethod = PaymentView["method"];

// An invoice is "pagada", a job "pagado".
export const PAYMENT_STATE_LABEL: Record<"invoice" | "job", Record<PaymentState, string>> = {
  invoice: { UNPAID: "Sin pagar", PARTIAL: "Pago parcial", PAID: "Pagada" },
  job: { UNPAID: "Sin pagar", PARTIAL: "Pago parcial", PAID: "Pagado" },
};

export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = PAYMENT_STATUS_LABELS;
export const PAYMENT_STATUSES: readonly PaymentStatus[] = STATUSES;

// Why MercadoPago refused a card (status_detail), as the office tells the customer.
export const REJECTION_REASON: Record<string, string> = {
  cc_rejected_other_reason: "la tarjeta no aceptó el pago",
  cc_rejected_call_for_authorize: "el cliente tiene que autorizarlo con su banco",
  cc_rejected_insufficient_amount: "fondos insuficientes",
  cc_rejected_bad_filled_security_code: "código de seguridad incorrecto",
  cc_rejected_bad_filled_date: "fecha de vencimiento incorrecta",
  cc_rejected_bad_filled_other: "datos de la tarjeta incorrectos",
  cc_rejected_high_risk: "MercadoPago lo rechazó por seguridad",
  cc_rejected_duplicated_payment: "pago duplicado",
};

export const METHOD_LABEL: Record<PaymentMethod, string> = { MERCADOPAGO: "Mercado Pago", CASH: "Efectivo", TRANSFER: "Transferencia" };
export const PAYMENT_METHODS = Object.keys(METHOD_LABEL) as PaymentMethod[];

// What is charged: an authorized invoice, or a job's quote before it is invoiced.
export type ChargeTarget = { kind: "invoice" | "job"; id: string };
export const targetBody = (target: ChargeTarget) => (target.kind === "invoice" ? { invoiceId: target.id } : { jobId: target.id });

// What a client component gets of a payment and a link (dates as ISO strings).
export type PaymentItem = Omit<PaymentView, "paidAt" | "createdAt" | "refunds"> & {
  paidAt: string | null;
  createdAt: string;
  refunds: { id: string; amountCents: number; reason: string | null; createdAt: string; createdById: string | null }[];
};
export type LinkItem = Omit<PaymentLinkView, "expiresAt" | "sentAt" | "createdAt"> & { expiresAt: string; sentAt: string | null; createdAt: string };

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function toPaymentItem(p: PaymentView): PaymentItem {
  return { ...p, paidAt: isoOrNull(p.paidAt), createdAt: iso(p.createdAt), refunds: p.refunds.map((r) => ({ ...r, createdAt: iso(r.createdAt) })) };
}

export function toLinkItem(l: PaymentLinkView): LinkItem {
  return { ...l, expiresAt: iso(l.expiresAt), sentAt: isoOrNull(l.sentAt), createdAt: iso(l.createdAt) };
}

// "45.980" or "10.000,50": centavos as they are typed back into an amount field (parsePesos reads it).
export const pesosInput = (cents: number) =>
  new Intl.NumberFormat("es-AR", { minimumFractionDigits: cents % 100 ? 2 : 0, maximumFractionDigits: 2 }).format(cents / 100);

// One key per confirmed submission: a double click or a retry after a dropped answer records or refunds once.
// getRandomValues works outside secure contexts too (crypto.randomUUID does not).
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
