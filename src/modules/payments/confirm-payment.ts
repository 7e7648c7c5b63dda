import { withTenant } from "../../lib/db";
import { notifyCustomer } from "../notifications/notify-customer";

// payment_confirmed to the customer, once per payment: the send is idempotent on the payment id (a retried job, a
// duplicate notification or a second worker all land on the same message), and confirmedAt records that it went out.
// It answers the customer's own payment, so it goes at once even in quiet hours; the outbound engine applies opt-out and
// the 24-hour rule (the template when the window is closed).
export async function confirmPayment(input: { organizationId: string; paymentId: string; now?: Date }): Promise<"sent" | "deferred" | "already"> {
  const now = input.now ?? new Date();
  const payment = await withTenant(input.organizationId, (tx) =>
    tx.payment.findUnique({ where: { id: input.paymentId }, select: { customerId: true, amountCents: true, status: true, confirmedAt: true } }),
  );
  if (!payment || payment.confirmedAt || payment.status !== "APPROVED") return "already";
  const result = await notifyCustomer(
    { event: "payment_confirmed", organizationId: input.organizationId, customerId: payment.customerId, dedupeKey: `payment-confirmed-${input.paymentId}`, context: { amountCents: payment.amountCents } },
    { now, immediate: true },
  );
  await withTenant(input.organizationId, (tx) => tx.payment.update({ where: { id: input.paymentId }, data: { confirmedAt: now } }));
  return result.status;
}
