import { z } from "zod";
import type { SandboxState } from "../state.ts";
import { newNumericId } from "./ids.ts";
import { mpNow } from "./mp-time.ts";
import { notifyPayment } from "./notify.ts";
import { refundedCents } from "./payment-view.ts";
import type { Payment, PaymentStatus } from "./state.ts";

// What happens to a payment after the checkout, driven by the control API: a contingency resolved, a chargeback, a
// cancellation… Each change is a payment.updated notification.

const STATUSES = ["pending", "approved", "authorized", "in_process", "in_mediation", "rejected", "cancelled", "refunded", "charged_back"] as const;

/** status_detail when the caller does not give one (MercadoPago's usual value for that status). */
const DEFAULT_DETAIL: Record<PaymentStatus, string> = {
  pending: "pending_waiting_payment",
  approved: "accredited",
  authorized: "pending_capture",
  in_process: "pending_contingency",
  in_mediation: "in_mediation",
  rejected: "cc_rejected_other_reason",
  cancelled: "by_collector",
  refunded: "refunded",
  charged_back: "in_process",
};

export const statusChangeSchema = z
  .object({ status: z.enum(STATUSES), status_detail: z.string().regex(/^[a-z_]{2,60}$/).optional() })
  .strict();

export function changePaymentStatus(state: SandboxState, payment: Payment, change: z.infer<typeof statusChangeSchema>): void {
  const now = mpNow(state);
  payment.status = change.status;
  payment.statusDetail = change.status_detail ?? DEFAULT_DETAIL[change.status];
  if (change.status === "approved" && payment.approvedAt === null) payment.approvedAt = now;
  // "refunded" from outside (e.g. the seller refunded in MercadoPago's panel) refunds whatever was left.
  if (change.status === "refunded") {
    const left = payment.amountCents - refundedCents(payment);
    if (left > 0) payment.refunds.push({ id: newNumericId(state.mercadopago, 10), amountCents: left, createdAt: now, idempotencyKey: `sandbox-status-${now}` });
  }
  payment.updatedAt = now;
  notifyPayment(state, payment, "payment.updated");
}
