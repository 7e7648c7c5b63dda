import { withTenant } from "../../lib/db";

// What the settings page shows of the link: never a token.
export async function getMercadoPagoConnection(organizationId: string) {
  const c = await withTenant(organizationId, (tx) => tx.mercadoPagoConnection.findUnique({ where: { organizationId } }));
  if (!c) return null;
  return { status: c.status, mpUserId: c.mpUserId, nickname: c.nickname, liveMode: c.liveMode, expiresAt: c.expiresAt, connectedAt: c.connectedAt, refreshedAt: c.refreshedAt, lastError: c.lastError };
}
