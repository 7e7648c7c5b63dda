import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { formatArs } from "../messaging/format-ar";
import { amountDue, type ChargeTarget } from "./amount-due";
import { confirmPayment } from "./confirm-payment";
import { lockChargeTarget, recomputePaid } from "./recompute-paid";

export type ManualPaymentInput = {
  organizationId: string;
  userId: string;
  target: ChargeTarget;
  method: "CASH" | "TRANSFER";
  amountCents: number;
  note?: string | null;
  paidAt?: Date;
  // The request's Idempotency-Key: the same key records the payment once.
  requestKey?: string | null;
  notifyCustomer?: boolean;
  now?: Date;
};

// Cash or a bank transfer, recorded by the office or the technician: no MercadoPago needed. It counts like an approved
// payment (partial payments add up) and is never more than what is left to pay. The customer gets payment_confirmed.
export async function recordManualPayment(input: ManualPaymentInput) {
  const now = input.now ?? new Date();
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) {
    throw new AppError("VALIDATION_FAILED", { message: "El monto tiene que ser mayor que cero.", fields: { amountCents: "Mayor que cero." } });
  }
  if (input.paidAt && input.paidAt.getTime() > now.getTime() + 60_000) {
    throw new AppError("VALIDATION_FAILED", { message: "La fecha del pago no puede ser futura.", fields: { paidAt: "No puede ser futura." } });
  }
  const recorded = await withTenant(input.organizationId, async (tx) => {
    if (input.requestKey) {
      const existing = await tx.payment.findUnique({ where: { organizationId_requestKey: { organizationId: input.organizationId, requestKey: input.requestKey } } });
      if (existing) return { payment: existing, paidCents: null };
    }
    const due = await amountDue(tx, input.target);
    await lockChargeTarget(tx, input.organizationId, due);
    // Re-read under the lock: a payment that landed meanwhile counts.
    const fresh = await amountDue(tx, input.target);
    if (fresh.dueCents <= 0) throw new AppError("CONFLICT", { message: `${fresh.label} ya está pago.` });
    if (input.amountCents > fresh.dueCents) {
      throw new AppError("VALIDATION_FAILED", {
        message: `Queda por cobrar ${formatArs(fresh.dueCents)}: no se puede registrar ${formatArs(input.amountCents)}.`,
        fields: { amountCents: `Como máximo ${formatArs(fresh.dueCents)}.` },
      });
    }
    const payment = await tx.payment.create({
      data: {
        organizationId: input.organizationId, customerId: fresh.customerId, invoiceId: fresh.invoiceId, jobId: fresh.jobId,
        method: input.method, status: "APPROVED", amountCents: input.amountCents, paidAt: input.paidAt ?? now,
        note: input.note?.trim() || null, recordedById: input.userId, requestKey: input.requestKey ?? null,
        ...(input.notifyCustomer === false ? { confirmedAt: now } : {}),
      },
    });
    const paid = await recomputePaid(tx, fresh, now);
    await appendAuditLog(tx, {
      organizationId: input.organizationId, actorType: "USER", actorId: input.userId, action: "payment.recorded", entityType: "Payment", entityId: payment.id,
      metadata: { method: input.method, amountCents: input.amountCents, invoiceId: fresh.invoiceId, jobId: fresh.jobId },
    });
    return { payment, paidCents: paid.paidCents };
  });
  const { payment } = recorded;
  if (recorded.paidCents !== null) {
    await publishOrganizationEvents([
      { type: "payment.updated", organizationId: input.organizationId, paymentId: payment.id, linkId: null, invoiceId: payment.invoiceId, jobId: payment.jobId, status: payment.status, paidCents: recorded.paidCents, at: now.toISOString() },
    ]);
  }
  if (!payment.confirmedAt) await confirmPayment({ organizationId: input.organizationId, paymentId: payment.id, now });
  return payment;
}
