import { withTenant } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";

// The seller took the authorization back (or MercadoPago wiped it): the link shows as revoked and the owner is asked
// to connect again; nothing else is tried with it.
export async function markMercadoPagoRevoked(organizationId: string, reason: string): Promise<void> {
  await withTenant(organizationId, async (tx) => {
    const { count } = await tx.mercadoPagoConnection.updateMany({ where: { organizationId, status: "ACTIVE" }, data: { status: "REVOKED", lastError: reason.slice(0, 300) } });
    if (count) await appendAuditLog(tx, { organizationId, actorType: "SYSTEM", action: "mercadopago.revoked", entityType: "MercadoPagoConnection", entityId: organizationId, metadata: { reason: reason.slice(0, 200) } });
  });
}
