import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";

// Forget the seller's tokens (they are erased, not only flagged). Links already sent keep working at MercadoPago;
// their payments are no longer followed until someone connects again.
export async function disconnectMercadoPago(organizationId: string, userId: string): Promise<void> {
  await withTenant(organizationId, async (tx) => {
    const { count } = await tx.mercadoPagoConnection.updateMany({
      where: { organizationId },
      data: { status: "DISCONNECTED", accessTokenEncrypted: "", refreshTokenEncrypted: "" },
    });
    if (!count) throw new AppError("NOT_FOUND", { message: "MercadoPago no estaba conectado." });
    await appendAuditLog(tx, { organizationId, actorType: "USER", actorId: userId, action: "mercadopago.disconnected", entityType: "MercadoPagoConnection", entityId: organizationId });
  });
}
