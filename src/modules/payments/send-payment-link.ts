import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { formatArs, formatDateAr } from "../messaging/format-ar";
import { sendMessage } from "../messaging/send-message";
import { paymentPageUrl } from "./payment-page-link";

// The link to the customer on WhatsApp: inside the 24-hour window as a message with our /pago/ page (it opens
// MercadoPago's checkout and shows the invoice); outside it the approved payment_reminder template, whose last parameter is the same page (the outbound
// engine decides, and switches if the window closes before delivery). One message per link and round: sending twice by
// mistake within a minute sends once.
export async function sendPaymentLink(input: { organizationId: string; linkId: string; userId: string; now?: Date }): Promise<{ messageId: string }> {
  const now = input.now ?? new Date();
  const link = await withTenant(input.organizationId, (tx) =>
    tx.paymentLink.findUnique({
      where: { id: input.linkId },
      include: {
        customer: { select: { id: true, name: true, phone: true, waId: true } },
        invoice: { select: { letter: true, pointOfSale: true, number: true, paymentDueDate: true } },
        job: { select: { number: true } },
      },
    }),
  );
  if (!link) throw new AppError("NOT_FOUND", { message: "No encontramos ese cobro." });
  if (link.status !== "OPEN" || link.expiresAt.getTime() <= now.getTime()) throw new AppError("CONFLICT", { message: "Ese link de pago ya no está abierto: creá uno nuevo." });
  if (!link.customer.phone && !link.customer.waId) throw new AppError("VALIDATION_FAILED", { message: "El cliente no tiene WhatsApp: copiá el link y mandáselo por otro medio." });
  const firstName = link.customer.name.trim().split(/\s+/)[0] ?? link.customer.name;
  const what = link.invoice?.number
    ? `la Factura ${link.invoice.letter} ${String(link.invoice.pointOfSale).padStart(5, "0")}-${String(link.invoice.number).padStart(8, "0")}`
    : link.job ? `el trabajo #${link.job.number}` : "tu servicio";
  const amount = formatArs(link.amountCents);
  const page = paymentPageUrl(input.organizationId, link.id);
  const due = link.invoice?.paymentDueDate ? new Date(`${link.invoice.paymentDueDate}T12:00:00-03:00`) : link.expiresAt;
  const message = await sendMessage(
    {
      organizationId: input.organizationId,
      customerId: link.customer.id,
      content: { type: "text", body: `Hola ${firstName}, te paso el link para pagar ${amount} de ${what} con Mercado Pago (tarjeta, débito o dinero en cuenta): ${page}` },
      templateFallback: { name: "payment_reminder", language: "es_AR", params: [firstName, amount, formatDateAr(due), page] },
      purpose: "notification",
      sentByUserId: input.userId,
      idempotencyKey: `payment-link-${link.id}-${Math.floor(now.getTime() / 60_000)}`,
    },
    now,
  );
  await withTenant(input.organizationId, (tx) => tx.paymentLink.update({ where: { id: link.id }, data: { sentAt: now, sentMessageId: message.id } }));
  return { messageId: message.id };
}
