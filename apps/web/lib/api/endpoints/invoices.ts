import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import {
  createCreditNote,
  createInvoice,
  enqueueInvoiceAuthorization,
  enqueueInvoiceDelivery,
  getInvoice,
  getInvoicePdf,
  listInvoices,
  requestInvoiceAuthorization,
  verifyInvoiceLinkToken,
} from "@campotech/core/modules/invoicing";
import { AppError } from "@campotech/core/lib/errors";
import { defineEndpoint } from "../define-endpoint";
import { paymentLinkSchema, paymentSchema } from "./payments";
import { pdfResponse } from "../file-response";

// Dates leave as ISO 8601 strings (JSON.stringify); the meta tells the OpenAPI document so.
const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "La fecha va como AAAA-MM-DD.");
const idParams = z.object({ id: z.string().min(1) });
const STATUSES = ["DRAFT", "PENDING", "AUTHORIZING", "AUTHORIZED", "REJECTED"] as const;
const arcaMessage = z.object({ code: z.number().int(), message: z.string().describe("el texto de ARCA, tal cual"), explanation: z.string() });

const invoiceSchema = z.object({
  id: z.string(),
  kind: z.enum(["INVOICE", "CREDIT_NOTE"]),
  letter: z.enum(["A", "B", "C"]),
  voucherType: z.number().int().describe("CbteTipo de ARCA: 1/6/11 facturas, 3/8/13 notas de crédito"),
  label: z.string().describe('"Factura B 00002-00000015"'),
  status: z.enum(STATUSES),
  environment: z.enum(["HOMOLOGACION", "PRODUCCION"]),
  pointOfSale: z.number().int(),
  number: z.number().int().nullable(),
  issueDate: z.string(),
  serviceFrom: z.string(),
  serviceTo: z.string(),
  paymentDueDate: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }),
  job: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  receiver: z.object({
    name: z.string(), docType: z.number().int(), docLabel: z.string(), docNumber: z.string(), docFormatted: z.string().nullable(),
    ivaConditionId: z.number().int(), ivaCondition: z.string(), address: z.string().nullable(), email: z.string().nullable(),
  }),
  netCents: z.number().int(),
  exemptCents: z.number().int(),
  ivaCents: z.number().int(),
  totalCents: z.number().int(),
  ivaBreakdown: z.array(z.object({ ivaRateBps: z.number().int(), baseCents: z.number().int(), ivaCents: z.number().int() })),
  lines: z.array(z.object({ description: z.string(), quantityMilli: z.number().int(), unitPriceCents: z.number().int(), ivaRateBps: z.number().int(), netCents: z.number().int() })),
  cae: z.string().nullable(),
  caeDueDate: z.string().nullable(),
  authorizedAt: dateTime().nullable(),
  arca: z.object({ observations: z.array(arcaMessage), errors: z.array(arcaMessage) }),
  lastError: z.string().nullable(),
  attempts: z.number().int(),
  creditedInvoice: z.object({ id: z.string(), label: z.string() }).nullable(),
  creditNotes: z.array(z.object({ id: z.string(), label: z.string(), status: z.enum(STATUSES), totalCents: z.number().int() })),
  creditableCents: z.number().int().describe("lo que queda por acreditar de una factura autorizada"),
  pdfUrl: z.string().nullable(),
  payment: z.object({
    state: z.enum(["UNPAID", "PARTIAL", "PAID", "NOT_CHARGEABLE"]).describe("NOT_CHARGEABLE: borrador, rechazada o nota de crédito"),
    owedCents: z.number().int().describe("el total menos las notas de crédito autorizadas"),
    paidCents: z.number().int(),
    dueCents: z.number().int(),
    paidAt: dateTime().nullable(),
    remindersSent: z.number().int(),
    payments: z.array(paymentSchema),
    openLink: paymentLinkSchema.nullable(),
    links: z.array(paymentLinkSchema),
  }),
  sentAt: dateTime().nullable(),
  emailedAt: dateTime().nullable(),
  createdAt: dateTime(),
});

const lineSchema = z.object({
  description: safeText().min(1, "Cada ítem necesita una descripción.").max(200),
  quantityMilli: z.number().int().positive("La cantidad tiene que ser mayor que cero."),
  unitPriceCents: z.number().int().nonnegative("El precio no puede ser negativo."),
  ivaRateBps: z.union([z.literal(2100), z.literal(1050), z.literal(2700), z.literal(0)]),
});

export const listInvoicesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/invoices",
  summary: "Facturas y notas de crédito, las más nuevas primero (paginado por cursor), con el total autorizado del filtro",
  tag: "invoices",
  permission: "invoices.read",
  query: z.object({
    status: z.enum(STATUSES).optional(),
    kind: z.enum(["INVOICE", "CREDIT_NOTE"]).optional(),
    customerId: z.string().optional(),
    jobId: z.string().optional(),
    from: day().optional(),
    to: day().optional(),
    search: z.string().max(100).optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  response: z.object({ items: z.array(invoiceSchema), nextCursor: z.string().nullable(), totals: z.object({ authorizedCents: z.number().int(), invoices: z.number().int() }) }),
  handler: ({ query, tenant }) => tenant((tx) => listInvoices(tx, query)),
});

export const createInvoiceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/invoices",
  summary: "Emite una factura desde un trabajo terminado (sus ítems) o a mano; la clase (A/B/C) sale de las condiciones frente al IVA. Con authorize (por defecto) se pide el CAE a ARCA enseguida",
  tag: "invoices",
  permission: "invoices.issue",
  status: 201,
  body: z
    .object({
      jobId: z.string().min(1).optional(),
      customerId: z.string().min(1).optional(),
      lines: z.array(lineSchema).min(1).max(200).optional(),
      receiver: z
        .object({
          docType: z.union([z.literal(80), z.literal(86), z.literal(96), z.literal(99)]),
          docNumber: safeText().max(13),
          ivaConditionId: z.number().int(),
          name: safeText().min(1).max(120).optional(),
          address: safeText().max(200).nullable().optional(),
          email: z.email("El email no es válido.").nullable().optional(),
        })
        .optional(),
      serviceFrom: day().optional(),
      serviceTo: day().optional(),
      paymentDueDays: z.number().int().min(0).max(365).optional(),
      authorize: z.boolean().default(true),
    })
    .strict()
    .refine((b) => b.jobId || (b.customerId && b.lines), { message: "Indicá el trabajo, o el cliente y los ítems." }),
  response: invoiceSchema,
  async handler({ body, claims, tenant }) {
    const { authorize, ...input } = body;
    const created = await tenant(async (tx) => {
      const invoice = await createInvoice(tx, { userId: claims.sub }, { ...input, organizationId: claims.org });
      return authorize ? requestInvoiceAuthorization(tx, { userId: claims.sub }, { organizationId: claims.org, invoiceId: invoice.id }) : { invoiceId: invoice.id, round: 0 };
    });
    if (authorize) await enqueueInvoiceAuthorization({ organizationId: claims.org, ...created });
    return tenant((tx) => getInvoice(tx, created.invoiceId));
  },
});

export const getInvoiceEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/invoices/{id}",
  summary: "Una factura o nota de crédito, con lo que ARCA observó o rechazó (textual y explicado)",
  tag: "invoices",
  permission: "invoices.read",
  params: idParams,
  response: invoiceSchema,
  handler: ({ params, tenant }) => tenant((tx) => getInvoice(tx, params.id)),
});

export const authorizeInvoiceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/invoices/{id}/authorize",
  summary: "Pide el CAE para un borrador, o reintenta una factura que quedó pendiente (se concilia con ARCA antes de reenviar)",
  tag: "invoices",
  permission: "invoices.issue",
  params: idParams,
  status: 202,
  response: invoiceSchema,
  async handler({ params, claims, tenant }) {
    const queued = await tenant((tx) => requestInvoiceAuthorization(tx, { userId: claims.sub }, { organizationId: claims.org, invoiceId: params.id }));
    await enqueueInvoiceAuthorization({ organizationId: claims.org, ...queued });
    return tenant((tx) => getInvoice(tx, params.id));
  },
});

export const createCreditNoteEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/invoices/{id}/credit-notes",
  summary: "Nota de crédito sobre una factura autorizada: total (sin ítems) o parcial (los ítems a acreditar), asociada con CbtesAsoc",
  tag: "invoices",
  permission: "invoices.issue",
  params: idParams,
  status: 201,
  body: z.object({ lines: z.array(lineSchema).min(1).max(200).optional(), authorize: z.boolean().default(true) }).strict().optional(),
  response: invoiceSchema,
  async handler({ params, body, claims, tenant }) {
    const authorize = body?.authorize ?? true;
    const created = await tenant(async (tx) => {
      const note = await createCreditNote(tx, { userId: claims.sub }, { organizationId: claims.org, invoiceId: params.id, ...(body?.lines ? { lines: body.lines } : {}) });
      return authorize ? requestInvoiceAuthorization(tx, { userId: claims.sub }, { organizationId: claims.org, invoiceId: note.id }) : { invoiceId: note.id, round: 0 };
    });
    if (authorize) await enqueueInvoiceAuthorization({ organizationId: claims.org, ...created });
    return tenant((tx) => getInvoice(tx, created.invoiceId));
  },
});

export const getInvoicePdfEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/invoices/{id}/pdf",
  summary: "El PDF de una factura autorizada (con el QR de ARCA y el CAE)",
  tag: "invoices",
  permission: "invoices.read",
  params: idParams,
  response: z.unknown(),
  binary: "application/pdf",
  async handler({ params, claims, tenant, requestId }) {
    await tenant((tx) => getInvoice(tx, params.id));
    const pdf = await getInvoicePdf(claims.org, params.id);
    return pdfResponse(pdf.bytes, { filename: pdf.filename, requestId });
  },
});

export const resendInvoiceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/invoices/{id}/resend",
  summary: "Vuelve a mandar la factura al cliente por WhatsApp (y por email si tiene)",
  tag: "invoices",
  permission: "invoices.issue",
  params: idParams,
  status: 202,
  response: z.object({ queued: z.literal(true) }),
  async handler({ params, claims, tenant }) {
    const invoice = await tenant((tx) => getInvoice(tx, params.id));
    if (invoice.status !== "AUTHORIZED") throw new AppError("CONFLICT", { message: "Solo se reenvía una factura autorizada por ARCA." });
    // One resend per minute at most: a double click does not message the customer twice.
    await enqueueInvoiceDelivery({ organizationId: claims.org, invoiceId: params.id, resend: Math.floor(Date.now() / 60_000) });
    return { queued: true as const };
  },
});

export const publicInvoicePdfEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/public/invoices/{token}",
  summary: "El PDF de una factura desde el enlace firmado que recibe el cliente por WhatsApp (vence a los 180 días)",
  tag: "invoices",
  permission: null,
  params: z.object({ token: z.string().min(1).max(700) }),
  response: z.unknown(),
  binary: "application/pdf",
  async handler({ params, requestId }) {
    const claims = verifyInvoiceLinkToken(params.token);
    if (!claims) throw new AppError("NOT_FOUND", { message: "El enlace no es válido o ya venció. Pedí la factura por WhatsApp." });
    const pdf = await getInvoicePdf(claims.organizationId, claims.invoiceId).catch((error: unknown) => {
      throw error instanceof AppError ? new AppError("NOT_FOUND", { message: "Esa factura no está disponible." }) : error;
    });
    return pdfResponse(pdf.bytes, { filename: pdf.filename, requestId });
  },
});
