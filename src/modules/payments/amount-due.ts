import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { computeJobTotals } from "../jobs/compute-job-totals";

export type ChargeTarget = { kind: "invoice"; id: string } | { kind: "job"; id: string };

export type AmountDue = {
  customerId: string;
  invoiceId: string | null;
  jobId: string | null;
  label: string; // what the customer pays for: "Factura B 00002-00000015", "Trabajo #42"
  totalCents: number;
  paidCents: number;
  dueCents: number;
  // One line per item, in pesos with IVA as the customer pays them (MercadoPago wants final prices, whole quantities).
  items: { title: string; amountCents: number }[];
};

const gross = (netCents: number, rateBps: number) => netCents + Math.round((netCents * rateBps) / 10_000);

// What is left to pay of an authorized invoice (credit notes subtract) or of a job's quote (its line items with IVA).
export async function amountDue(tx: TenantTx, target: ChargeTarget): Promise<AmountDue> {
  if (target.kind === "invoice") {
    const invoice = await tx.invoice.findUnique({
      where: { id: target.id },
      include: { lines: { orderBy: { position: "asc" } }, creditNotes: { where: { status: "AUTHORIZED" }, select: { totalCents: true } } },
    });
    if (!invoice) throw new AppError("NOT_FOUND", { message: "No encontramos esa factura." });
    if (invoice.kind !== "INVOICE" || invoice.status !== "AUTHORIZED" || !invoice.number) {
      throw new AppError("VALIDATION_FAILED", { message: "Solo se cobra una factura autorizada por ARCA." });
    }
    const credited = invoice.creditNotes.reduce((sum, n) => sum + n.totalCents, 0);
    const totalCents = invoice.totalCents - credited;
    // Class C lines carry no IVA (rate 0): their amount is already final.
    const items = invoice.lines.map((l) => ({ title: l.description, amountCents: gross(l.netCents, l.ivaRateBps) }));
    return {
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      jobId: invoice.jobId,
      label: `Factura ${invoice.letter} ${String(invoice.pointOfSale).padStart(5, "0")}-${String(invoice.number).padStart(8, "0")}`,
      totalCents,
      paidCents: invoice.paidCents,
      dueCents: Math.max(0, totalCents - invoice.paidCents),
      items: fitItems(items, totalCents),
    };
  }
  const job = await tx.job.findUnique({
    where: { id: target.id },
    include: { lineItems: { orderBy: { position: "asc" } }, invoices: { where: { kind: "INVOICE", status: "AUTHORIZED" }, select: { id: true } } },
  });
  if (!job) throw new AppError("NOT_FOUND", { message: "No encontramos ese trabajo." });
  if (job.invoices.length) throw new AppError("CONFLICT", { message: `El trabajo #${job.number} ya está facturado: cobrá la factura.` });
  if (!job.lineItems.length) throw new AppError("VALIDATION_FAILED", { message: `El trabajo #${job.number} no tiene presupuesto: agregá los ítems antes de cobrar.` });
  const totals = computeJobTotals(job.lineItems);
  const items = job.lineItems.map((l, i) => ({ title: l.description, amountCents: gross(totals.lines[i]!.netCents, l.ivaRateBps) }));
  return {
    customerId: job.customerId,
    invoiceId: null,
    jobId: job.id,
    label: `Trabajo #${job.number}`,
    totalCents: totals.totalCents,
    paidCents: job.paidCents,
    dueCents: Math.max(0, totals.totalCents - job.paidCents),
    items: fitItems(items, totals.totalCents),
  };
}

// The items must add up to what is charged to the centavo; rounding per line may not, so the last line absorbs the
// difference. A partly paid or credited total is charged as one line.
function fitItems(items: { title: string; amountCents: number }[], totalCents: number): { title: string; amountCents: number }[] {
  const sum = items.reduce((s, i) => s + i.amountCents, 0);
  if (!items.length || Math.abs(sum - totalCents) > items.length) return [{ title: items[0]?.title ?? "Servicio", amountCents: totalCents }];
  const fitted = items.map((i) => ({ ...i }));
  fitted[fitted.length - 1]!.amountCents += totalCents - sum;
  return fitted;
}
