import type { Prisma } from "@campotech/database";
import { captureProductEvent } from "../../integrations/posthog";
import type { MpPayment } from "../../integrations/mercadopago";
import { withTenant } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { confirmPayment } from "./confirm-payment";
import { mayMove, mpStatusOf } from "./payment-status";
import { lockChargeTarget, recomputePaid } from "./recompute-paid";

export type ApplyOutcome =
  | { outcome: "unknown_reference" | "unknown_status" }
  | { outcome: "unchanged" | "created" | "updated"; paymentId: string; status: string; confirmation?: string };

const cents = (pesos: number | undefined) => Math.round((pesos ?? 0) * 100);

// A payment exactly as MercadoPago reports it now (fetched with the seller's token, never read from a notification)
// applied to our records. Its external_reference must be one of this organization's payment links, or nothing
// happens. The stored status only moves forward (payment-status.ts), so late, repeated or reordered notifications leave
// the right final state; refunds only grow. The invoice or job's paid amount is recomputed in the same transaction,
// and an approval is confirmed to the customer on WhatsApp once.
export async function applyMercadoPagoPayment(organizationId: string, mp: MpPayment, now: Date = new Date()): Promise<ApplyOutcome> {
  const status = mpStatusOf(mp.status);
  if (!status) return { outcome: "unknown_status" };
  const reference = mp.external_reference ?? "";
  const mpPaymentId = String(mp.id);

  const applied = await withTenant(organizationId, async (tx) => {
    const link = reference ? await tx.paymentLink.findUnique({ where: { id: reference } }) : null;
    if (!link) return null;
    await lockChargeTarget(tx, organizationId, link);
    const existing = await tx.payment.findUnique({ where: { organizationId_mpPaymentId: { organizationId, mpPaymentId } } });
    const refundedCents = Math.max(existing?.refundedCents ?? 0, cents(mp.transaction_amount_refunded));
    const moves = mayMove(existing?.status ?? null, status);
    if (existing && !moves && refundedCents === existing.refundedCents) return { payment: existing, change: "unchanged" as const, paid: null };

    const data = {
      status: moves ? status : existing!.status,
      statusDetail: moves || !existing ? (mp.status_detail ?? null) : existing.statusDetail,
      refundedCents,
      amountCents: cents(mp.transaction_amount),
      paidAt: mp.date_approved ? new Date(mp.date_approved) : (existing?.paidAt ?? null),
      raw: mp as unknown as Prisma.InputJsonValue,
    };
    const payment = existing
      ? await tx.payment.update({ where: { id: existing.id }, data })
      : await tx.payment.create({
          data: { ...data, organizationId, customerId: link.customerId, invoiceId: link.invoiceId, jobId: link.jobId, linkId: link.id, method: "MERCADOPAGO", mpPaymentId },
        });
    const paid = await recomputePaid(tx, link, now);
    await appendAuditLog(tx, {
      organizationId, actorType: "SYSTEM", action: existing ? "payment.updated" : "payment.received", entityType: "Payment", entityId: payment.id,
      metadata: { mpPaymentId, from: existing?.status ?? null, to: payment.status, statusDetail: payment.statusDetail, amountCents: payment.amountCents, refundedCents, invoiceId: link.invoiceId, jobId: link.jobId },
    });
    return { payment, change: existing ? ("updated" as const) : ("created" as const), paid, approvedNow: payment.status === "APPROVED" && existing?.status !== "APPROVED" };
  });
  if (!applied) return { outcome: "unknown_reference" };

  const { payment, change, paid, approvedNow } = applied;
  if (approvedNow) captureProductEvent({ event: "payment_approved", organizationId, properties: { paymentId: payment.id, invoiceId: payment.invoiceId ?? undefined, jobId: payment.jobId ?? undefined, amountCents: payment.amountCents } });
  if (paid) {
    await publishOrganizationEvents([
      { type: "payment.updated", organizationId, paymentId: payment.id, linkId: payment.linkId, invoiceId: payment.invoiceId, jobId: payment.jobId, status: payment.status, paidCents: paid.paidCents, at: now.toISOString() },
    ]);
  }
  // Also on "unchanged": a confirmation that failed to go out last time (the job is retried) goes out now.
  const confirmation = payment.status === "APPROVED" && !payment.confirmedAt ? await confirmPayment({ organizationId, paymentId: payment.id, now }) : undefined;
  return { outcome: change, paymentId: payment.id, status: payment.status, ...(confirmation ? { confirmation } : {}) };
}
