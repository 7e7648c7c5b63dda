import type { MpTokens } from "../../integrations/mercadopago";
import { encryptSecret } from "../../lib/crypto";
import { withTenant } from "../../lib/db";

// Sealed, every time: MercadoPago rotates the refresh token on each refresh, so the one just received is the only
// one that works from now on.
export async function storeMercadoPagoTokens(organizationId: string, tokens: MpTokens, extra: { connectedById?: string; refreshed?: boolean }): Promise<void> {
  const data = {
    mpUserId: tokens.userId,
    accessTokenEncrypted: encryptSecret(tokens.accessToken),
    refreshTokenEncrypted: encryptSecret(tokens.refreshToken),
    publicKey: tokens.publicKey,
    scope: tokens.scope,
    liveMode: tokens.liveMode,
    expiresAt: new Date(Date.now() + tokens.expiresIn * 1000),
    status: "ACTIVE" as const,
    lastError: null,
    ...(extra.refreshed ? { refreshedAt: new Date() } : { connectedAt: new Date(), ...(extra.connectedById ? { connectedById: extra.connectedById } : {}) }),
  };
  await withTenant(organizationId, (tx) => tx.mercadoPagoConnection.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data }));
}
