import type { Redis } from "ioredis";
import { MercadoPagoError, refundPayment as refundAtMercadoPago } from "../../integrations/mercadopago";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { acquireLock } from "../../lib/redis-lock";
import { appendAuditLog } from "../audit/append-audit-log";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { formatArs } from "../messaging/format-ar";
import { getMercadoPagoAccessToken } from "./get-mercadopago-access-token";
import { markMercadoPagoRevoked } from "./mark-mercadopago-revoked";
import { lockChargeTarget, recomputePaid } from "./recompute-paid";

export type RefundInput = {
  organizationId: string;
  userId: string;
  paymentId: string;
  // Null: everything not yet refunded.
  amountCents: number | null;
  reason?: string | null;
  // Also sent to MercadoPago as X-Idempotency-Key: the same request twice refunds once, even across a crash between
  // MercadoPago's answer and our write.
  requestKey: string;
  now?: Date;
};

// A refund, total or partial, by an owner or admin (the endpoint's permission): never more than what is left of the
// payment. A MercadoPago payment is refunded at MercadoPago with the seller's token; cash or a transfer is recorded as
// given back. What is paid of the invoice or job goes down with it; the audit log keeps who and why.
export async function refundPayment(redis: Redis, input: RefundInput) {
  const now = input.now ?? new Date();
  const lock = await acquireLock(redis, `payments:refund:${input.paymentId}`, { ttlMs: 30_000, waitMs: 15_000 });
  if (!lock) throw new AppError("SERVICE_UNAVAILABLE", { message: "Ya se está procesando una devolución de este pago: probá de nuevo en unos segundos." });
  try {
    const found = await withTenant(input.organizationId, async (tx) => ({
      payment: await tx.payment.findUnique({ where: { id: input.paymentId } }),
      repeated: await tx.paymentRefund.findUnique({ where: { organizationId_requestKey: { organizationId: input.organizationId, requestKey: input.requestKey } } }),
    }));
    const { payment } = found;
    if (!payment) throw new AppError("NOT_FOUND", { message: "No encontramos ese pago." });
    if (found.repeated) return found.repeated;
    if (payment.status !== "APPROVED") throw new AppError("CONFLICT", { message: "Solo se devuelve un pago aprobado (este no lo está o ya se devolvió entero)." });
    const left = payment.amountCents - payment.refundedCents;
    const amountCents = input.amountCents ?? left;
    if (!Number.isInteger(amountCents) || amountCents <= 0) {
      throw new AppError("VALIDATION_FAILED", { message: "El monto a devolver tiene que ser mayor que cero.", fields: { amountCents: "Mayor que cero." } });
    }
    if (amountCents > left) {
      throw new AppError("VALIDATION_FAILED", {
        message: `No se puede devolver ${formatArs(amountCents)}: de este pago queda ${formatArs(left)} para devolver.`,
        fields: { amountCents: `Como máximo ${formatArs(left)}.` },
      });
    }

    let mpRefundId: string | null = null;
    if (payment.method === "MERCADOPAGO" && payment.mpPaymentId) {
      const accessToken = await getMercadoPagoAccessToken(redis, input.organizationId, now.getTime());
      try {
        const refund = await refundAtMercadoPago(accessToken, payment.mpPaymentId, amountCents === left && payment.refundedCents === 0 ? null : amountCents, input.requestKey);
        mpRefundId = refund.id;
      } catch (error) {
        if (error instanceof MercadoPagoError && error.status === 401) await markMercadoPagoRevoked(input.organizationId, error.message);
        throw refundError(error);
      }
    }

    const { refund, paidCents } = await withTenant(input.organizationId, async (tx) => {
      await lockChargeTarget(tx, input.organizationId, payment);
      const refund = await tx.paymentRefund.create({
        data: { organizationId: input.organizationId, paymentId: payment.id, amountCents, mpRefundId, reason: input.reason?.trim() || null, requestKey: input.requestKey, createdById: input.userId },
      });
      const current = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
      const refundedCents = Math.min(current.amountCents, current.refundedCents + amountCents);
      await tx.payment.update({
        where: { id: payment.id },
        data: { refundedCents, ...(refundedCents >= current.amountCents ? { status: "REFUNDED" as const, statusDetail: "refunded" } : { statusDetail: "partially_refunded" }) },
      });
      const paid = await recomputePaid(tx, payment, now);
      await appendAuditLog(tx, {
        organizationId: input.organizationId, actorType: "USER", actorId: input.userId, action: "payment.refunded", entityType: "Payment", entityId: payment.id,
        metadata: { amountCents, total: refundedCents >= current.amountCents, method: payment.method, mpRefundId, reason: input.reason?.trim() || null },
      });
      return { refund, paidCents: paid.paidCents };
    });
    await publishOrganizationEvents([
      { type: "payment.updated", organizationId: input.organizationId, paymentId: payment.id, linkId: payment.linkId, invoiceId: payment.invoiceId, jobId: payment.jobId, status: "REFUND", paidCents, at: now.toISOString() },
    ]);
    return refund;
  } finally {
    await lock.release();
  }
}

function refundError(error: unknown): Error {
  if (!(error instanceof MercadoPagoError)) return error as Error;
  if (error.status === 401) {
    return new AppError("VALIDATION_FAILED", { message: "MercadoPago rechazó la conexión de tu cuenta: volvé a conectarla en Cobros → MercadoPago." });
  }
  if (error.transient) return new AppError("SERVICE_UNAVAILABLE", { message: "MercadoPago no respondió: la devolución no se hizo. Probá de nuevo en unos minutos." });
  return new AppError("VALIDATION_FAILED", { message: `MercadoPago no hizo la devolución: ${error.message}` });
}
