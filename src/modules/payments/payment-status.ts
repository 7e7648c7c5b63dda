import type { PaymentStatus } from "@campotech/database";

// MercadoPago's statuses (reference/ARGENTINA.md §5.5) in the order a payment can move through them. Notifications
// arrive late, twice or out of order; the status we store only ever moves forward, so an old "pending" that arrives
// after "approved" changes nothing. A refund or chargeback comes after approval; rejected and cancelled are final.
const RANK: Record<PaymentStatus, number> = {
  PENDING: 0,
  IN_PROCESS: 1,
  APPROVED: 2,
  REJECTED: 2,
  CANCELLED: 2,
  REFUNDED: 3,
  CHARGED_BACK: 3,
};

export function mpStatusOf(status: string): PaymentStatus | null {
  switch (status) {
    case "pending":
    case "authorized":
      return "PENDING";
    case "in_process":
    case "in_mediation":
      return "IN_PROCESS";
    case "approved":
      return "APPROVED";
    case "rejected":
      return "REJECTED";
    case "cancelled":
      return "CANCELLED";
    case "refunded":
      return "REFUNDED";
    case "charged_back":
      return "CHARGED_BACK";
    default:
      return null;
  }
}

export function mayMove(from: PaymentStatus | null, to: PaymentStatus): boolean {
  if (from === null) return true;
  if (from === to) return false;
  // Refunds and chargebacks only follow an approval.
  if (RANK[to] === 3) return from === "APPROVED" || RANK[from] < 2;
  return RANK[to] > RANK[from];
}

// Money that counts as received: approved payments, minus what was refunded.
export function countsAsPaid(status: PaymentStatus): boolean {
  return status === "APPROVED" || status === "REFUNDED";
}

export { PAYMENT_STATUS_LABELS } from "../../contracts/payments";
