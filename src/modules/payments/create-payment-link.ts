import type { Redis } from "ioredis";
import { createPreference, MercadoPagoError } from "../../integrations/mercadopago";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { formatArs } from "../messaging/format-ar";
import { amountDue, type ChargeTarget } from "./amount-due";
import { getMercadoPagoAccessToken } from "./get-mercadopago-access-token";
import { markMercadoPagoRevoked } from "./mark-mercadopago-revoked";
import { paymentPageUrl } from "./payment-page-link";

// "Cobrar": a Checkout Pro preference for what is left to pay of an invoice or a job's quote (or a part of it), made
// with the seller's own token. Our PaymentLink id is the external_reference MercadoPago returns on every payment;
// notifications come to our webhook; the customer comes back to our Spanish result page; the link expires.
export async function createPaymentLink(
  redis: Redis,
  input: { organizationId: string; userId: string | null; target: ChargeTarget; amountCents?: number; now?: Date },
) {
  const now = input.now ?? new Date();
  const due = await withTenant(input.organizationId, (tx) => amountDue(tx, input.target));
  if (due.dueCents <= 0) throw new AppError("CONFLICT", { message: `${due.label} ya está pago.` });
  const amountCents = input.amountCents ?? due.dueCents;
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new AppError("VALIDATION_FAILED", { message: "El monto tiene que ser mayor que cero.", fields: { amountCents: "Mayor que cero." } });
  if (amountCents > due.dueCents) {
    throw new AppError("VALIDATION_FAILED", { message: `Queda por cobrar ${formatArs(due.dueCents)}: no se puede pedir más.`, fields: { amountCents: `Como máximo ${formatArs(due.dueCents)}.` } });
  }
  const accessToken = await getMercadoPagoAccessToken(redis, input.organizationId, now.getTime());
  const expiresAt = new Date(now.getTime() + env.MERCADOPAGO_LINK_TTL_DAYS * 86_400_000);
  const { link, customer, organizationName } = await withTenant(input.organizationId, async (tx) => ({
    link: await tx.paymentLink.create({
      data: { organizationId: input.organizationId, customerId: due.customerId, invoiceId: due.invoiceId, jobId: due.jobId, amountCents, expiresAt, createdById: input.userId },
    }),
    customer: await tx.customer.findUniqueOrThrow({ where: { id: due.customerId }, select: { name: true, email: true } }),
    organizationName: (await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { name: true } })).name,
  }));
  const base = env.PUBLIC_BASE_URL.replace(/\/$/, "");
  const page = paymentPageUrl(input.organizationId, link.id);
  const items = amountCents === due.totalCents ? due.items : [{ title: `${due.label} (pago a cuenta)`, amountCents }];
  try {
    const preference = await createPreference(
      accessToken,
      {
        items: items.map((item, i) => ({ id: `${link.id}-${i}`, title: item.title.slice(0, 250), quantity: 1, unit_price: item.amountCents / 100, currency_id: "ARS" })),
        externalReference: link.id,
        notificationUrl: `${base}/api/webhooks/mercadopago?source_news=webhooks`,
        backUrls: { success: `${page}?resultado=aprobado`, pending: `${page}?resultado=pendiente`, failure: `${page}?resultado=rechazado` },
        expiresAt,
        payer: { name: customer.name, ...(customer.email ? { email: customer.email } : {}) },
        statementDescriptor: organizationName.replace(/[^A-Za-z0-9 ]/g, "").slice(0, 22) || "CAMPOTECH",
      },
      link.id,
    );
    return withTenant(input.organizationId, async (tx) => {
      const saved = await tx.paymentLink.update({ where: { id: link.id }, data: { preferenceId: preference.id, checkoutUrl: preference.initPoint } });
      // The invoice's PDF gets the payment QR: render it again on the next download.
      if (due.invoiceId) await tx.invoice.update({ where: { id: due.invoiceId }, data: { pdfStorageKey: null } });
      await appendAuditLog(tx, {
        organizationId: input.organizationId, actorType: input.userId ? "USER" : "SYSTEM", actorId: input.userId, action: "payment_link.created", entityType: "PaymentLink", entityId: link.id,
        metadata: { amountCents, invoiceId: due.invoiceId, jobId: due.jobId },
      });
      return { ...saved, pageUrl: page, label: due.label };
    });
  } catch (error) {
    await withTenant(input.organizationId, (tx) => tx.paymentLink.update({ where: { id: link.id }, data: { status: "CANCELLED" } }));
    if (error instanceof MercadoPagoError && error.status === 401) {
      await markMercadoPagoRevoked(input.organizationId, error.message);
      throw new AppError("VALIDATION_FAILED", { message: "MercadoPago rechazó la conexión de tu cuenta: volvé a conectarla en Cobros → MercadoPago." });
    }
    if (error instanceof MercadoPagoError) {
      throw new AppError(error.transient ? "SERVICE_UNAVAILABLE" : "VALIDATION_FAILED", { message: `MercadoPago no creó el link: ${error.message}` });
    }
    throw error;
  }
}
