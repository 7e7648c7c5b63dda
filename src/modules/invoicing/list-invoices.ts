import type { InvoiceStatus, Prisma, TenantTx } from "@campotech/database";
import { INVOICE_VIEW_SELECT, toInvoiceView } from "./invoice-view";

export type ListInvoicesInput = {
  status?: InvoiceStatus;
  kind?: "INVOICE" | "CREDIT_NOTE";
  customerId?: string;
  jobId?: string;
  from?: string; // issue date, YYYY-MM-DD
  to?: string;
  search?: string; // receiver name, document or number
  cursor?: string;
  limit?: number;
};

// Newest first, paged by cursor, with the month's totals the list shows on top (authorized only; credit notes
// subtract).
export async function listInvoices(tx: TenantTx, input: ListInvoicesInput) {
  const limit = Math.min(input.limit ?? 50, 200);
  const search = input.search?.trim();
  const number = search && /^\d+$/.test(search) ? Number(search) : null;
  const where: Prisma.InvoiceWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
    ...(input.jobId ? { jobId: input.jobId } : {}),
    ...(input.from || input.to ? { issueDate: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
    ...(search
      ? { OR: [{ receiverName: { contains: search, mode: "insensitive" } }, { receiverDocNumber: { contains: search.replace(/\D/g, "") || search } }, ...(number ? [{ number }] : [])] }
      : {}),
  };
  const rows = await tx.invoice.findMany({
    where,
    select: INVOICE_VIEW_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit).map(toInvoiceView);
  const sums = await tx.invoice.groupBy({ by: ["kind"], where: { ...where, status: "AUTHORIZED" }, _sum: { totalCents: true }, _count: true });
  const sum = (kind: "INVOICE" | "CREDIT_NOTE") => sums.find((s) => s.kind === kind)?._sum.totalCents ?? 0;
  return {
    items,
    nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
    totals: { authorizedCents: sum("INVOICE") - sum("CREDIT_NOTE"), invoices: sums.find((s) => s.kind === "INVOICE")?._count ?? 0 },
  };
}
