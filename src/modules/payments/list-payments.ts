import type { PaymentMethod, PaymentStatus, Prisma, TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { addDays, zonedTimeToUtc } from "../../lib/time";
import { countsAsPaid } from "./payment-status";
import { PAYMENT_VIEW_SELECT, toPaymentView } from "./payment-view";

export type ListPaymentsInput = {
  status?: PaymentStatus;
  method?: PaymentMethod;
  customerId?: string;
  invoiceId?: string;
  jobId?: string;
  from?: string; // Buenos Aires calendar dates, YYYY-MM-DD, on when the payment was created
  to?: string;
  cursor?: string;
  limit?: number;
};

// Newest first, paged by cursor, with what the filter adds up to (received = approved minus refunds).
export async function listPayments(tx: TenantTx, input: ListPaymentsInput) {
  const limit = Math.min(input.limit ?? 50, 200);
  const createdAt =
    input.from || input.to
      ? { ...(input.from ? { gte: zonedTimeToUtc(input.from, "00:00") } : {}), ...(input.to ? { lt: zonedTimeToUtc(addDays(input.to, 1), "00:00") } : {}) }
      : undefined;
  const where: Prisma.PaymentWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.method ? { method: input.method } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
    ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}),
    ...(input.jobId ? { jobId: input.jobId } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
  const rows = await tx.payment.findMany({
    where,
    select: PAYMENT_VIEW_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit).map(toPaymentView);
  const sums = await tx.payment.groupBy({ by: ["status"], where, _sum: { amountCents: true, refundedCents: true }, _count: true });
  const receivedCents = sums.filter((s) => countsAsPaid(s.status)).reduce((t, s) => t + (s._sum.amountCents ?? 0) - (s._sum.refundedCents ?? 0), 0);
  return {
    items,
    nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
    totals: { receivedCents, payments: sums.reduce((t, s) => t + s._count, 0) },
  };
}

export async function getPayment(tx: TenantTx, id: string) {
  const row = await tx.payment.findUnique({ where: { id }, select: PAYMENT_VIEW_SELECT });
  if (!row) throw new AppError("NOT_FOUND", { message: "No encontramos ese pago." });
  return toPaymentView(row);
}
