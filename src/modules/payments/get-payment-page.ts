import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { invoiceLink } from "../invoicing/invoice-link";
import { voucherNumberLabel } from "../invoicing/invoice-view";
import { verifyPaymentPageToken } from "./payment-page-link";

export type PaymentPage = {
  businessName: string;
  customerFirstName: string;
  label: string;
  amountCents: number;
  status: "OPEN" | "PAID" | "EXPIRED" | "CANCELLED" | "PROCESSING";
  // MercadoPago's checkout, only while the link can be paid.
  checkoutUrl: string | null;
  expiresAt: Date;
  invoiceUrl: string | null;
  paidAt: Date | null;
};

// What the customer's /pago/<token> page shows: the business, what is being paid and how much, and either the button
// to MercadoPago's checkout or the outcome (paid, being processed, expired). Nothing else of the organization.
export async function getPaymentPage(token: string, now: Date = new Date()): Promise<PaymentPage> {
  const ref = verifyPaymentPageToken(token);
  if (!ref) throw new AppError("NOT_FOUND", { message: "Este link de pago no existe." });
  return withTenant(ref.organizationId, async (tx) => {
    const link = await tx.paymentLink.findUnique({
      where: { id: ref.linkId },
      include: {
        organization: { select: { name: true } },
        customer: { select: { name: true } },
        invoice: { select: { id: true, letter: true, kind: true, pointOfSale: true, number: true, status: true } },
        job: { select: { number: true } },
        payments: { select: { status: true, paidAt: true }, orderBy: { createdAt: "desc" } },
      },
    });
    if (!link) throw new AppError("NOT_FOUND", { message: "Este link de pago no existe." });
    const approved = link.payments.find((p) => p.status === "APPROVED" || p.status === "REFUNDED");
    const processing = link.payments.some((p) => p.status === "PENDING" || p.status === "IN_PROCESS");
    const expired = link.status === "EXPIRED" || (link.status === "OPEN" && link.expiresAt.getTime() <= now.getTime());
    const status: PaymentPage["status"] =
      link.status === "PAID" ? "PAID" : link.status === "CANCELLED" ? "CANCELLED" : processing ? "PROCESSING" : expired ? "EXPIRED" : "OPEN";
    return {
      businessName: link.organization.name,
      customerFirstName: link.customer.name.trim().split(/\s+/)[0] ?? "",
      label: link.invoice?.number ? voucherNumberLabel(link.invoice) : link.job ? `Trabajo #${link.job.number}` : "Servicio",
      amountCents: link.amountCents,
      status,
      checkoutUrl: status === "OPEN" ? link.checkoutUrl : null,
      expiresAt: link.expiresAt,
      invoiceUrl: link.invoice?.status === "AUTHORIZED" ? invoiceLink(ref.organizationId, link.invoice.id, now.getTime()) : null,
      paidAt: approved?.paidAt ?? null,
    };
  });
}
