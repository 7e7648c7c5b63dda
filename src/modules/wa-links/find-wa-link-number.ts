import type { TenantTx } from "../../lib/db";

export type WaLinkNumber = {
  digits: string; // international, digits only: what wa.me wants
  source: "whatsapp_account" | "owner_phone";
};

// Which WhatsApp the link opens. First the organization's ACTIVE WhatsApp Business number: it is where the inbox and
// the assistant are. Without one — the usual case on the Inicial plan, which has links but no API messages — the
// owner's own celular: it is the number they log in with (a real, verified WhatsApp), and a small business already
// answers customers there. The oldest active owner, so the choice is stable when there are several.
export async function findWaLinkNumber(tx: TenantTx, organizationId: string): Promise<WaLinkNumber | null> {
  const account = await tx.whatsAppBusinessAccount.findFirst({
    where: { organizationId, provisioningStatus: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { displayPhoneNumber: true },
  });
  // The stored display number is the WhatsApp id as Meta registered it (541152639999): used as it is, since a landline
  // must not gain the mobile 9.
  const accountDigits = account?.displayPhoneNumber.replace(/\D/g, "");
  if (accountDigits) return { digits: accountDigits, source: "whatsapp_account" };

  const owner = await tx.user.findFirst({
    where: { organizationId, role: "OWNER", isActive: true },
    orderBy: { createdAt: "asc" },
    select: { phone: true },
  });
  const ownerDigits = owner?.phone.replace(/\D/g, "");
  return ownerDigits ? { digits: ownerDigits, source: "owner_phone" } : null;
}
