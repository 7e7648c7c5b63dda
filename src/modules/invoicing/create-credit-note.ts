import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { localDateOf } from "../../lib/time";
import { appendAuditLog } from "../audit/append-audit-log";
import type { LineInput } from "../jobs/compute-job-totals";
import { formatArs } from "../messaging/format-ar";
import { computeInvoiceAmounts } from "./compute-invoice-amounts";
import type { InvoiceLetter } from "./invoice-document";
import type { InvoiceActor } from "./create-invoice";
import { voucherTypeOf } from "./voucher-rules";

// A draft nota de crédito that cancels an authorized invoice wholly (no lines: the invoice's own) or partly (the lines
// given). It carries the same class and receiver, points at the invoice (CbtesAsoc), and can never credit more than
// what is left of the invoice after the notes already issued or on their way.
export async function createCreditNote(
  tx: TenantTx,
  actor: InvoiceActor,
  input: { organizationId: string; invoiceId: string; lines?: (LineInput & { description: string })[]; now?: Date },
) {
  const original = await tx.invoice.findUnique({
    where: { id: input.invoiceId },
    include: { lines: { orderBy: { position: "asc" } }, creditNotes: { where: { status: { in: ["PENDING", "AUTHORIZING", "AUTHORIZED", "DRAFT"] } }, select: { totalCents: true, status: true } } },
  });
  if (!original) throw new AppError("NOT_FOUND", { message: "No encontramos esa factura." });
  if (original.kind !== "INVOICE") throw new AppError("VALIDATION_FAILED", { message: "Solo se hace una nota de crédito sobre una factura." });
  if (original.status !== "AUTHORIZED" || !original.number) {
    throw new AppError("VALIDATION_FAILED", { message: "La factura todavía no está autorizada por ARCA: no hay nada que acreditar." });
  }
  const credited = original.creditNotes.reduce((sum, note) => sum + note.totalCents, 0);
  const remaining = original.totalCents - credited;
  if (remaining <= 0) throw new AppError("CONFLICT", { message: "Esa factura ya está acreditada por completo." });
  if (!input.lines && credited > 0) {
    throw new AppError("VALIDATION_FAILED", { message: `La factura ya tiene notas de crédito: indicá qué acreditar (quedan ${formatArs(remaining)}).`, fields: { lines: "Indicá los ítems a acreditar." } });
  }

  const letter = original.letter as InvoiceLetter;
  const lines = input.lines ?? original.lines;
  const amounts = computeInvoiceAmounts(lines, letter);
  if (amounts.totalCents > remaining) {
    throw new AppError("VALIDATION_FAILED", {
      message: `La nota de crédito (${formatArs(amounts.totalCents)}) supera lo que queda por acreditar de la factura (${formatArs(remaining)}).`,
      fields: { lines: `Como máximo ${formatArs(remaining)}.` },
    });
  }
  const issueDate = localDateOf(input.now ?? new Date());
  const note = await tx.invoice.create({
    data: {
      organizationId: input.organizationId,
      customerId: original.customerId,
      jobId: original.jobId,
      kind: "CREDIT_NOTE",
      letter,
      voucherType: voucherTypeOf(letter, "CREDIT_NOTE"),
      status: "DRAFT",
      environment: original.environment,
      pointOfSale: original.pointOfSale,
      concept: original.concept,
      issueDate,
      serviceFrom: original.serviceFrom,
      serviceTo: original.serviceTo,
      paymentDueDate: issueDate,
      receiverName: original.receiverName,
      receiverDocType: original.receiverDocType,
      receiverDocNumber: original.receiverDocNumber,
      receiverIvaConditionId: original.receiverIvaConditionId,
      receiverAddress: original.receiverAddress,
      receiverEmail: original.receiverEmail,
      netCents: amounts.netCents,
      exemptCents: amounts.exemptCents,
      ivaCents: amounts.ivaCents,
      totalCents: amounts.totalCents,
      ivaBreakdown: amounts.ivaByRate,
      creditedInvoiceId: original.id,
      createdById: actor.userId,
      lines: {
        create: lines.map((line, position) => ({
          organizationId: input.organizationId,
          position,
          description: line.description,
          quantityMilli: line.quantityMilli,
          unitPriceCents: line.unitPriceCents,
          ivaRateBps: letter === "C" ? 0 : line.ivaRateBps,
          netCents: amounts.lines[position]!.netCents,
        })),
      },
    },
  });
  await appendAuditLog(tx, {
    organizationId: input.organizationId, actorType: "USER", actorId: actor.userId, action: "invoice.credit_note_created", entityType: "Invoice", entityId: note.id,
    metadata: { creditedInvoiceId: original.id, totalCents: amounts.totalCents, whole: !input.lines },
  });
  return note;
}
