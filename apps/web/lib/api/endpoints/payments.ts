import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import { PAYMENT_STATUSES } from "@campotech/core/contracts/payments";
import { AppError } from "@campotech/core/lib/errors";
import { sharedRedis } from "@campotech/core/lib/redis";
import {
  createPaymentLink,
  getPayment,
  listPayments,
  listReceivables,
  recordManualPayment,
  refundPayment,
  sendPaymentLink,
  toLinkView,
} from "@campotech/core/modules/payments";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "La fecha va como AAAA-MM-DD.");
const idParams = z.object({ id: z.string().min(1) });
const STATUSES = PAYMENT_STATUSES;
const METHODS = ["MERCADOPAGO", "CASH", "TRANSFER"] as const;

export const paymentSchema = z.object({
  id: z.string(),
  method: z.enum(METHODS),
  methodLabel: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string().describe('"Aprobado", "Devuelto en parte"…'),
  statusDetail: z.string().nullable().describe("el status_detail de MercadoPago (accredited, cc_rejected_…)"),
  amountCents: z.number().int(),
  refundedCents: z.number().int(),
  refundableCents: z.number().int(),
  mpPaymentId: z.string().nullable(),
  paidAt: dateTime().nullable(),
  note: z.string().nullable(),
  createdAt: dateTime(),
  customer: z.object({ id: z.string(), name: z.string() }),
  invoice: z.object({ id: z.string(), label: z.string() }).nullable(),
  job: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  linkId: z.string().nullable(),
  refunds: z.array(z.object({ id: z.string(), amountCents: z.number().int(), reason: z.string().nullable(), createdAt: dateTime(), createdById: z.string().nullable() })),
});

export const paymentLinkSchema = z.object({
  id: z.string(),
  status: z.enum(["OPEN", "PAID", "EXPIRED", "CANCELLED"]),
  amountCents: z.number().int(),
  expiresAt: dateTime(),
  sentAt: dateTime().nullable(),
  pageUrl: z.string().describe("la página /pago/<token> que recibe el cliente (abre el checkout de MercadoPago)"),
  checkoutUrl: z.string().nullable().describe("el init_point de Checkout Pro"),
  createdAt: dateTime(),
});

// Exactly one of invoiceId / jobId: what is charged.
const target = z
  .object({ invoiceId: z.string().min(1).optional(), jobId: z.string().min(1).optional() })
  .refine((b) => Boolean(b.invoiceId) !== Boolean(b.jobId), { message: "Indicá la factura o el trabajo (uno de los dos)." });
const targetOf = (b: { invoiceId?: string; jobId?: string }) => (b.invoiceId ? { kind: "invoice" as const, id: b.invoiceId } : { kind: "job" as const, id: b.jobId! });

const idempotencyKeyOf = (request: Request): string | null => request.headers.get("idempotency-key")?.trim().slice(0, 200) || null;

export const listPaymentsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/payments",
  summary: "Pagos recibidos (MercadoPago, efectivo, transferencia), los más nuevos primero, con lo cobrado del filtro",
  tag: "payments",
  permission: "payments.read",
  query: z.object({
    status: z.enum(STATUSES).optional(),
    method: z.enum(METHODS).optional(),
    customerId: z.string().optional(),
    invoiceId: z.string().optional(),
    jobId: z.string().optional(),
    from: day().optional(),
    to: day().optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  response: z.object({ items: z.array(paymentSchema), nextCursor: z.string().nullable(), totals: z.object({ receivedCents: z.number().int(), payments: z.number().int() }) }),
  handler: ({ query, tenant }) => tenant((tx) => listPayments(tx, query)),
});

export const getPaymentEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/payments/{id}",
  summary: "Un pago, con sus devoluciones",
  tag: "payments",
  permission: "payments.read",
  params: idParams,
  response: paymentSchema,
  handler: ({ params, tenant }) => tenant((tx) => getPayment(tx, params.id)),
});

export const recordPaymentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/payments",
  summary: "Registra un pago en efectivo o por transferencia de una factura o trabajo (nunca más de lo que falta). Acepta Idempotency-Key",
  tag: "payments",
  permission: "payments.charge",
  status: 201,
  body: target.and(
    z.object({
      method: z.enum(["CASH", "TRANSFER"]),
      amountCents: z.number().int().positive("El monto tiene que ser mayor que cero."),
      note: safeText().max(300).nullable().optional(),
      paidAt: z.iso.datetime({ offset: true }).optional(),
      notifyCustomer: z.boolean().default(true).describe("manda payment_confirmed por WhatsApp"),
    }),
  ),
  response: paymentSchema,
  async handler({ body, claims, tenant, request }) {
    const payment = await recordManualPayment({
      organizationId: claims.org, userId: claims.sub, target: targetOf(body), method: body.method, amountCents: body.amountCents, note: body.note ?? null,
      ...(body.paidAt ? { paidAt: new Date(body.paidAt) } : {}), notifyCustomer: body.notifyCustomer, requestKey: idempotencyKeyOf(request),
    });
    return tenant((tx) => getPayment(tx, payment.id));
  },
});

export const refundPaymentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/payments/{id}/refunds",
  summary: "Devuelve un pago, entero (sin monto) o en parte; en MercadoPago se devuelve allá. Requiere Idempotency-Key (la misma devolución nunca se hace dos veces)",
  tag: "payments",
  permission: "payments.refund",
  params: idParams,
  status: 201,
  body: z.object({ amountCents: z.number().int().positive("El monto tiene que ser mayor que cero.").nullable().optional(), reason: safeText().max(300).nullable().optional() }).strict().optional(),
  response: paymentSchema,
  async handler({ params, body, claims, tenant, request }) {
    const requestKey = idempotencyKeyOf(request);
    if (!requestKey) throw new AppError("VALIDATION_FAILED", { message: "Falta el encabezado Idempotency-Key: una devolución se pide una sola vez." });
    await tenant((tx) => getPayment(tx, params.id));
    await refundPayment(sharedRedis(), { organizationId: claims.org, userId: claims.sub, paymentId: params.id, amountCents: body?.amountCents ?? null, reason: body?.reason ?? null, requestKey });
    return tenant((tx) => getPayment(tx, params.id));
  },
});

export const createPaymentLinkEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/payments/links",
  summary: "«Cobrar»: un link de pago de MercadoPago (Checkout Pro) por lo que falta de una factura o de un trabajo (o una parte); con send, se manda por WhatsApp",
  tag: "payments",
  permission: "payments.charge",
  status: 201,
  body: target.and(z.object({ amountCents: z.number().int().positive("El monto tiene que ser mayor que cero.").optional(), send: z.boolean().default(false) })),
  response: paymentLinkSchema.extend({ label: z.string(), messageId: z.string().nullable() }),
  async handler({ body, claims }) {
    const link = await createPaymentLink(sharedRedis(), { organizationId: claims.org, userId: claims.sub, target: targetOf(body), ...(body.amountCents ? { amountCents: body.amountCents } : {}) });
    const sent = body.send ? await sendPaymentLink({ organizationId: claims.org, linkId: link.id, userId: claims.sub }) : null;
    return { ...toLinkView({ ...link, sentAt: sent ? new Date() : link.sentAt }), label: link.label, messageId: sent?.messageId ?? null };
  },
});

export const sendPaymentLinkEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/payments/links/{id}/send",
  summary: "Manda el link de pago al cliente por WhatsApp (mensaje dentro de las 24 h; si no, la plantilla payment_reminder con el link)",
  tag: "payments",
  permission: "payments.charge",
  params: idParams,
  status: 202,
  response: z.object({ messageId: z.string() }),
  handler: ({ params, claims }) => sendPaymentLink({ organizationId: claims.org, linkId: params.id, userId: claims.sub }),
});

export const listReceivablesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/payments/receivables",
  summary: "Cuentas por cobrar: facturas autorizadas sin pagar del todo, por antigüedad desde el vencimiento",
  tag: "payments",
  permission: "payments.read",
  query: z.object({ customerId: z.string().optional() }),
  response: z.object({
    buckets: z.array(z.object({ key: z.string(), label: z.string(), invoices: z.number().int(), dueCents: z.number().int() })),
    totalDueCents: z.number().int(),
    items: z.array(
      z.object({
        invoiceId: z.string(), label: z.string(), customer: z.object({ id: z.string(), name: z.string() }), issueDate: z.string(), paymentDueDate: z.string(),
        daysOverdue: z.number().int(), bucket: z.string(), owedCents: z.number().int(), paidCents: z.number().int(), dueCents: z.number().int(),
        remindersSent: z.number().int(), lastReminderAt: dateTime().nullable(), openLink: paymentLinkSchema.nullable(),
      }),
    ),
  }),
  handler: ({ query, tenant }) => tenant((tx) => listReceivables(tx, query)),
});
