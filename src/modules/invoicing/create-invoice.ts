import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { addDays, localDateOf } from "../../lib/time";
import { appendAuditLog } from "../audit/append-audit-log";
import type { LineInput } from "../jobs/compute-job-totals";
import { computeInvoiceAmounts } from "./compute-invoice-amounts";
import { DOC_TYPES, invoiceLetterFor, normalizeReceiver, voucherTypeOf } from "./voucher-rules";

export type InvoiceActor = { userId: string };

export type CreateInvoiceInput = {
  organizationId: string;
  jobId?: string;
  customerId?: string;
  // By hand (or to replace the job's lines): net prices, as the price list keeps them.
  lines?: (LineInput & { description: string })[];
  // Defaults: what the customer has on file, else an anonymous consumidor final.
  receiver?: { docType: number; docNumber: string; ivaConditionId: number; name?: string; address?: string | null; email?: string | null };
  serviceFrom?: string;
  serviceTo?: string;
  paymentDueDays?: number;
  now?: Date;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTIVE = ["DRAFT", "PENDING", "AUTHORIZING", "AUTHORIZED"] as const;

// A draft invoice from a completed job (its line items) or from lines given by hand. Everything ARCA will check is
// decided and validated here — the class from the issuer's and the receiver's IVA condition, the receiver's document,
// the amounts — so a bad invoice gets a Spanish 400 now and nothing half-issued remains. Numbering happens when ARCA
// authorizes it (authorize-invoice.ts).
export async function createInvoice(tx: TenantTx, actor: InvoiceActor, input: CreateInvoiceInput) {
  const now = input.now ?? new Date();
  const connection = await tx.arcaConnection.findUnique({ where: { organizationId: input.organizationId } });
  if (!connection) throw new AppError("VALIDATION_FAILED", { message: "Todavía no configuraste la conexión con ARCA (Configuración → ARCA)." });
  if (!connection.pointOfSale) throw new AppError("VALIDATION_FAILED", { message: "Elegí el punto de venta de ARCA en Configuración → ARCA." });
  if (!connection.certificatePem || !connection.privateKeyEncrypted) {
    throw new AppError("VALIDATION_FAILED", { message: "Falta el certificado de ARCA: generá el pedido y subí el certificado en Configuración → ARCA." });
  }
  if (connection.certificateNotAfter && connection.certificateNotAfter.getTime() <= now.getTime()) {
    throw new AppError("VALIDATION_FAILED", { message: "El certificado de ARCA venció: generá uno nuevo y subilo en Configuración → ARCA." });
  }

  const job = input.jobId
    ? await tx.job.findUnique({
        where: { id: input.jobId },
        select: {
          id: true, number: true, status: true, customerId: true, scheduledStart: true, updatedAt: true,
          lineItems: { orderBy: { position: "asc" }, select: { description: true, quantityMilli: true, unitPriceCents: true, ivaRateBps: true } },
          transitions: { where: { to: "completed" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
        },
      })
    : null;
  if (input.jobId && !job) throw new AppError("NOT_FOUND", { message: "No encontramos ese trabajo." });
  if (job && job.status !== "completed") {
    throw new AppError("VALIDATION_FAILED", { message: `El trabajo #${job.number} todavía no está terminado: se factura cuando se completa.` });
  }
  if (job) {
    const existing = await tx.invoice.findFirst({
      where: { jobId: job.id, kind: "INVOICE", status: { in: [...ACTIVE] } },
      select: { letter: true, status: true, number: true },
    });
    if (existing) throw new AppError("CONFLICT", { message: `El trabajo #${job.number} ya tiene una factura ${existing.letter}${existing.number ? ` N° ${existing.number}` : ""} (${existing.status.toLowerCase()}).` });
  }

  const customerId = job?.customerId ?? input.customerId;
  if (!customerId) throw new AppError("VALIDATION_FAILED", { message: "Indicá el trabajo o el cliente.", fields: { customerId: "Indicá el cliente." } });
  const customer = await tx.customer.findFirst({ where: { id: customerId, staffUserId: null } });
  if (!customer) throw new AppError("NOT_FOUND", { message: "No encontramos ese cliente." });

  const lines = input.lines ?? job?.lineItems ?? [];
  if (!lines.length) {
    throw new AppError("VALIDATION_FAILED", {
      message: job ? `El trabajo #${job.number} no tiene ítems: agregá lo que se hizo antes de facturar.` : "La factura necesita al menos un ítem.",
      fields: { lines: "Agregá al menos un ítem." },
    });
  }
  for (const line of lines) {
    if (!line.description.trim()) throw new AppError("VALIDATION_FAILED", { message: "Cada ítem necesita una descripción.", fields: { lines: "Cada ítem necesita una descripción." } });
  }

  const given = input.receiver ?? {
    docType: customer.taxDocType ?? DOC_TYPES.NONE,
    docNumber: customer.taxDocNumber ?? "0",
    ivaConditionId: customer.ivaConditionId ?? 5,
  };
  const letter = invoiceLetterFor(connection.issuerCondition, given.ivaConditionId);
  const receiver = normalizeReceiver(given, letter);
  const amounts = computeInvoiceAmounts(lines, letter);

  const issueDate = localDateOf(now);
  const workedOn = localDateOf(job?.transitions[0]?.at ?? job?.scheduledStart ?? now);
  const serviceFrom = input.serviceFrom ?? workedOn;
  const serviceTo = input.serviceTo ?? workedOn;
  for (const [field, value] of [["serviceFrom", serviceFrom], ["serviceTo", serviceTo]] as const) {
    if (!DATE.test(value)) throw new AppError("VALIDATION_FAILED", { message: "Las fechas del servicio van como AAAA-MM-DD.", fields: { [field]: "Fecha inválida." } });
  }
  if (serviceTo < serviceFrom) throw new AppError("VALIDATION_FAILED", { message: "El servicio no puede terminar antes de empezar.", fields: { serviceTo: "Tiene que ser igual o posterior al inicio." } });
  const dueDays = input.paymentDueDays ?? 10;
  if (!Number.isInteger(dueDays) || dueDays < 0 || dueDays > 365) throw new AppError("VALIDATION_FAILED", { message: "El vencimiento de pago va de 0 a 365 días.", fields: { paymentDueDays: "Entre 0 y 365 días." } });

  const name = (input.receiver?.name ?? customer.name).trim();
  const address = input.receiver?.address !== undefined ? input.receiver.address : [customer.address, customer.city].filter(Boolean).join(", ") || null;
  const email = input.receiver?.email !== undefined ? input.receiver.email : customer.email;

  const invoice = await tx.invoice.create({
    data: {
      organizationId: input.organizationId,
      customerId: customer.id,
      jobId: job?.id ?? null,
      kind: "INVOICE",
      letter,
      voucherType: voucherTypeOf(letter, "INVOICE"),
      status: "DRAFT",
      environment: connection.environment,
      pointOfSale: connection.pointOfSale,
      concept: 2,
      issueDate,
      serviceFrom,
      serviceTo,
      paymentDueDate: addDays(issueDate, dueDays),
      receiverName: name,
      receiverDocType: receiver.docType,
      receiverDocNumber: receiver.docNumber,
      receiverIvaConditionId: receiver.ivaConditionId,
      receiverAddress: address,
      receiverEmail: email ?? null,
      netCents: amounts.netCents,
      exemptCents: amounts.exemptCents,
      ivaCents: amounts.ivaCents,
      totalCents: amounts.totalCents,
      ivaBreakdown: amounts.ivaByRate,
      createdById: actor.userId,
      lines: {
        create: lines.map((line, position) => ({
          organizationId: input.organizationId,
          position,
          description: line.description.trim(),
          quantityMilli: line.quantityMilli,
          unitPriceCents: line.unitPriceCents,
          ivaRateBps: letter === "C" ? 0 : line.ivaRateBps,
          netCents: amounts.lines[position]!.netCents,
        })),
      },
    },
  });
  // What the office typed for this customer is what they will want next time.
  if (input.receiver) {
    await tx.customer.update({
      where: { id: customer.id },
      // An anonymous consumidor final is "no document" on the customer (null), as the customers API shows it.
      data: receiver.docType === DOC_TYPES.NONE
        ? { taxDocType: null, taxDocNumber: null, ivaConditionId: receiver.ivaConditionId, ...(email ? { email } : {}) }
        : { taxDocType: receiver.docType, taxDocNumber: receiver.docNumber, ivaConditionId: receiver.ivaConditionId, ...(email ? { email } : {}) },
    });
  }
  await appendAuditLog(tx, {
    organizationId: input.organizationId, actorType: "USER", actorId: actor.userId, action: "invoice.created", entityType: "Invoice", entityId: invoice.id,
    metadata: { letter, jobId: job?.id ?? null, totalCents: amounts.totalCents },
  });
  return invoice;
}
