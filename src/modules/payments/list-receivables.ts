import type { TenantTx } from "@campotech/database";
import { localDateOf } from "../../lib/time";
import { voucherNumberLabel } from "../invoicing/invoice-view";
import { LINK_VIEW_SELECT, toLinkView } from "./payment-view";

const BUCKETS = [
  { key: "current", label: "A vencer", min: -Infinity, max: 0 },
  { key: "1-30", label: "1 a 30 días", min: 1, max: 30 },
  { key: "31-60", label: "31 a 60 días", min: 31, max: 60 },
  { key: "61-90", label: "61 a 90 días", min: 61, max: 90 },
  { key: "90+", label: "Más de 90 días", min: 91, max: Infinity },
] as const;

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

// Cuentas por cobrar: authorized invoices not fully paid, by how many days past their payment due date (Buenos Aires
// calendar), oldest first, with what is left of each and its open payment link.
export async function listReceivables(tx: TenantTx, input: { customerId?: string; now?: Date } = {}) {
  const today = localDateOf(input.now ?? new Date());
  const rows = await tx.invoice.findMany({
    where: { kind: "INVOICE", status: "AUTHORIZED", paidAt: null, ...(input.customerId ? { customerId: input.customerId } : {}) },
    select: {
      id: true, letter: true, kind: true, pointOfSale: true, number: true, issueDate: true, paymentDueDate: true, totalCents: true, paidCents: true,
      paymentRemindersSent: true, lastPaymentReminderAt: true,
      customer: { select: { id: true, name: true } },
      creditNotes: { where: { status: "AUTHORIZED" }, select: { totalCents: true } },
      paymentLinks: { where: { status: "OPEN" }, select: LINK_VIEW_SELECT, orderBy: { createdAt: "desc" }, take: 1 },
    },
    orderBy: [{ paymentDueDate: "asc" }, { id: "asc" }],
    take: 2_000,
  });
  const items = rows
    .map((r) => {
      const owedCents = r.totalCents - r.creditNotes.reduce((s, n) => s + n.totalCents, 0);
      const daysOverdue = dayNumber(today) - dayNumber(r.paymentDueDate);
      const link = r.paymentLinks[0] ? toLinkView(r.paymentLinks[0], input.now) : null;
      return {
        invoiceId: r.id,
        label: voucherNumberLabel(r),
        customer: r.customer,
        issueDate: r.issueDate,
        paymentDueDate: r.paymentDueDate,
        daysOverdue: Math.max(0, daysOverdue),
        bucket: BUCKETS.find((b) => daysOverdue >= b.min && daysOverdue <= b.max)!.key,
        owedCents,
        paidCents: r.paidCents,
        dueCents: owedCents - r.paidCents,
        remindersSent: r.paymentRemindersSent,
        lastReminderAt: r.lastPaymentReminderAt,
        openLink: link?.status === "OPEN" ? link : null,
      };
    })
    .filter((i) => i.dueCents > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  return {
    buckets: BUCKETS.map((b) => {
      const inBucket = items.filter((i) => i.bucket === b.key);
      return { key: b.key, label: b.label, invoices: inBucket.length, dueCents: inBucket.reduce((s, i) => s + i.dueCents, 0) };
    }),
    totalDueCents: items.reduce((s, i) => s + i.dueCents, 0),
    items,
  };
}
