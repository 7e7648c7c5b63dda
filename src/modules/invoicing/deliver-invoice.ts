import { sendEmail } from "../../integrations/smtp";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import { formatArs } from "../messaging/format-ar";
import { sendMessage } from "../messaging/send-message";
import { getInvoicePdf } from "./get-invoice-pdf";
import { invoiceLink } from "./invoice-link";
import { voucherNumberLabel } from "./invoice-view";

export type DeliverInvoiceResult = { whatsapp: "sent" | "already_sent" | "no_phone" | "failed"; email: "sent" | "already_sent" | "no_email" | "failed"; reason?: string };

// An authorized invoice reaches the customer: on WhatsApp as the PDF document inside the 24-hour window, or as the
// approved `invoice_ready` template with the link outside it (the outbound engine decides, and switches if the window
// closes before delivery); by email with the PDF attached when the customer has an address. Idempotent: the message
// key is the invoice, the email is sent once (emailedAt).
export async function deliverInvoice(input: { organizationId: string; invoiceId: string; now?: Date }): Promise<DeliverInvoiceResult> {
  const now = input.now ?? new Date();
  const invoice = await withTenant(input.organizationId, (tx) =>
    tx.invoice.findUnique({
      where: { id: input.invoiceId },
      select: {
        id: true, status: true, kind: true, letter: true, pointOfSale: true, number: true, totalCents: true, receiverEmail: true, emailedAt: true, sentAt: true,
        customer: { select: { id: true, name: true, phone: true, waId: true } },
      },
    }),
  );
  if (!invoice) throw new AppError("NOT_FOUND", { message: "No encontramos esa factura." });
  if (invoice.status !== "AUTHORIZED") throw new AppError("CONFLICT", { message: "Solo se envía una factura autorizada por ARCA." });
  const pdf = await getInvoicePdf(input.organizationId, invoice.id);
  const label = voucherNumberLabel(invoice);
  const link = invoiceLink(input.organizationId, invoice.id, now.getTime());
  const amount = formatArs(invoice.totalCents);
  const firstName = invoice.customer.name.trim().split(/\s+/)[0] ?? invoice.customer.name;
  const result: DeliverInvoiceResult = { whatsapp: "no_phone", email: "no_email" };

  if (invoice.customer.phone || invoice.customer.waId) {
    try {
      const message = await sendMessage(
        {
          organizationId: input.organizationId,
          customerId: invoice.customer.id,
          content: { type: "media", kind: "document", link, filename: pdf.filename, caption: `${label} por ${amount}. ¡Gracias!` },
          templateFallback: { name: "invoice_ready", language: "es_AR", params: [firstName, amount, link] },
          purpose: "notification",
          idempotencyKey: `invoice-${invoice.id}`,
        },
        now,
      );
      result.whatsapp = invoice.sentAt ? "already_sent" : "sent";
      await withTenant(input.organizationId, (tx) => tx.invoice.update({ where: { id: invoice.id }, data: { sentAt: invoice.sentAt ?? now, sentMessageId: message.id } }));
    } catch (error) {
      result.whatsapp = "failed";
      result.reason = error instanceof AppError ? error.message : "error al enviar";
      logger.warn({ organizationId: input.organizationId, invoiceId: invoice.id, err: (error as Error).message }, "invoice whatsapp delivery failed");
    }
  }
  if (invoice.receiverEmail) {
    if (invoice.emailedAt) result.email = "already_sent";
    else {
      try {
        await sendEmail({
          to: invoice.receiverEmail,
          subject: `${label} — ${amount}`,
          text: `Hola ${firstName}:\n\nTe enviamos la ${label} por ${amount}. La encontrás adjunta y también acá: ${link}\n\n¡Gracias!`,
          attachments: [{ filename: pdf.filename, content: Buffer.from(pdf.bytes), contentType: "application/pdf" }],
        });
        await withTenant(input.organizationId, (tx) => tx.invoice.update({ where: { id: invoice.id }, data: { emailedAt: now } }));
        result.email = "sent";
      } catch (error) {
        result.email = "failed";
        logger.warn({ organizationId: input.organizationId, invoiceId: invoice.id, err: (error as Error).message }, "invoice email failed");
      }
    }
  }
  return result;
}
