import type { Reply } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { mpError } from "./errors.ts";
import { newNumericId } from "./ids.ts";
import { mpNow } from "./mp-time.ts";
import { notifyPayment } from "./notify.ts";
import { refundedCents } from "./payment-view.ts";
import type { Payment, Refund } from "./state.ts";

// POST /v1/payments/{id}/refunds, with the behaviour measured against production (see README): no amount refunds what
// is left; partial refunds accumulate and the last one turns the payment "refunded"; a repeated X-Idempotency-Key
// creates nothing and answers 200 with an empty body.

export type RefundOutcome = { kind: "created"; refund: Refund } | { kind: "replayed" } | { kind: "error"; reply: Reply };

const STATE_INVALID = { code: 2063, description: "The action requested is not valid for the current payment state" };
const AMOUNT_INVALID = { code: 2017, description: "Invalid transaction_amount for update" };

export function refundPayment(state: SandboxState, payment: Payment, amount: unknown, idempotencyKey: string): RefundOutcome {
  if (payment.refunds.some((r) => r.idempotencyKey === idempotencyKey)) return { kind: "replayed" };
  const left = payment.amountCents - refundedCents(payment);
  let cents = left;
  if (amount !== undefined && amount !== null) {
    if (typeof amount !== "number" || !Number.isFinite(amount)) return error(4041, "amount attribute must be numeric");
    if (amount <= 0) return error(4040, "amount attribute must be positive");
    cents = Math.round(amount * 100);
    // A fully refunded payment has nothing left: an explicit amount is an amount problem, not a state one.
    if (payment.status === "refunded" || (payment.status === "approved" && cents > left)) return error(AMOUNT_INVALID.code, AMOUNT_INVALID.description);
  }
  if (payment.status !== "approved" || left <= 0) return error(STATE_INVALID.code, STATE_INVALID.description);

  const now = mpNow(state);
  const refund: Refund = { id: newNumericId(state.mercadopago, 10), amountCents: cents, createdAt: now, idempotencyKey };
  payment.refunds.push(refund);
  const fully = refundedCents(payment) >= payment.amountCents;
  payment.status = fully ? "refunded" : "approved";
  payment.statusDetail = fully ? "refunded" : "partially_refunded";
  payment.updatedAt = now;
  notifyPayment(state, payment, "payment.updated");
  return { kind: "created", refund };
}

function error(code: number, description: string): RefundOutcome {
  return { kind: "error", reply: mpError(400, "bad_request", description, [{ code, description }]) };
}
