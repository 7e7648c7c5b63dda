import type { SandboxState } from "../state.ts";
import { newNumericId } from "./ids.ts";
import { mpNow } from "./mp-time.ts";
import { notifyPayment } from "./notify.ts";
import { preferenceAvailability } from "./preference-availability.ts";
import type { Payment, Preference } from "./state.ts";
import { TEST_CARDS, type TestCardName } from "./test-cards.ts";

export type PayOutcome = { ok: true; payment: Payment } | { ok: false; reason: "expired" | "not_yet" | "amount" };

/**
 * The simulated customer pays a preference with a test card: a payment for the whole total, or `amountCents` of it
 * ("Pagar una parte"). A preference can be paid more than once, as a Checkout Pro link can.
 */
export function payPreference(state: SandboxState, preference: Preference, card: TestCardName, amountCents?: number): PayOutcome {
  const now = mpNow(state);
  const availability = preferenceAvailability(preference, now);
  if (availability !== "open") return { ok: false, reason: availability };
  const amount = amountCents ?? preference.totalCents;
  if (!Number.isInteger(amount) || amount <= 0 || amount > preference.totalCents) return { ok: false, reason: "amount" };
  const mp = state.mercadopago;
  const result = TEST_CARDS[card];
  const payment: Payment = {
    id: newNumericId(mp, 11),
    sellerId: preference.sellerId,
    preferenceId: preference.id,
    merchantOrderId: preference.merchantOrderId,
    status: result.status,
    statusDetail: result.statusDetail,
    amountCents: amount,
    refunds: [],
    card,
    payerId: newNumericId(mp, 10),
    createdAt: now,
    approvedAt: result.status === "approved" ? now : null,
    updatedAt: now,
  };
  mp.payments.set(payment.id, payment);
  notifyPayment(state, payment, "payment.created");
  return { ok: true, payment };
}
