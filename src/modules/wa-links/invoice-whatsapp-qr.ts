import type { TenantTx } from "../../lib/db";
import { getWaLink } from "./get-wa-link";

// What an invoice prints as its "¿Consultas? Escribinos por WhatsApp" QR: the organization's link (with its
// prefilled message) when the plan includes the QR, null otherwise — the plan decides, never the invoice code.
export async function invoiceWhatsAppQr(tx: TenantTx, organizationId: string): Promise<{ url: string; phoneDisplay: string } | null> {
  const view = await getWaLink(tx, organizationId);
  if (!view.qrAllowed || !view.link || !view.number) return null;
  return { url: view.link, phoneDisplay: view.number.display };
}
