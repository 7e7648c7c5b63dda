import type { Redis } from "ioredis";
import { refreshAccessToken } from "../../integrations/mercadopago";
import { decryptSecret } from "../../lib/crypto";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { acquireLock } from "../../lib/redis-lock";
import { markMercadoPagoRevoked } from "./mark-mercadopago-revoked";
import { storeMercadoPagoTokens } from "./store-mercadopago-tokens";

// Refresh a month before the 180 days run out.
export const REFRESH_BEFORE_MS = 30 * 86_400_000;

// The seller's access token for a call, refreshed first when it is within a month of expiring. The refresh happens
// under a lock and re-reads the row after taking it: MercadoPago rotates the refresh token, so two processes
// refreshing with the same one would leave one of them holding a dead token.
export async function getMercadoPagoAccessToken(redis: Redis, organizationId: string, now: number = Date.now()): Promise<string> {
  const read = () => withTenant(organizationId, (tx) => tx.mercadoPagoConnection.findUnique({ where: { organizationId } }));
  let connection = await read();
  if (!connection || connection.status !== "ACTIVE") throw notConnected(connection?.status);
  if (connection.expiresAt.getTime() - REFRESH_BEFORE_MS > now) return decryptSecret(connection.accessTokenEncrypted);
  const lock = await acquireLock(redis, `mp:refresh:${organizationId}`, { ttlMs: 30_000, waitMs: 15_000 });
  if (!lock) throw new AppError("SERVICE_UNAVAILABLE", { message: "MercadoPago está renovando la conexión: probá de nuevo en unos segundos." });
  try {
    connection = await read();
    if (!connection || connection.status !== "ACTIVE") throw notConnected(connection?.status);
    if (connection.expiresAt.getTime() - REFRESH_BEFORE_MS > now) return decryptSecret(connection.accessTokenEncrypted);
    try {
      const tokens = await refreshAccessToken(decryptSecret(connection.refreshTokenEncrypted));
      await storeMercadoPagoTokens(organizationId, tokens, { refreshed: true });
      return tokens.accessToken;
    } catch (error) {
      const e = error as { revoked?: boolean; message?: string };
      if (e.revoked) await markMercadoPagoRevoked(organizationId, e.message ?? "refresh refused");
      throw error;
    }
  } finally {
    await lock.release();
  }
}

function notConnected(status: string | undefined): AppError {
  return new AppError("VALIDATION_FAILED", {
    message:
      status === "REVOKED"
        ? "MercadoPago dejó de aceptar la conexión de tu cuenta (se revocó el permiso o cambió la clave): volvé a conectarla en Cobros → MercadoPago."
        : "MercadoPago no está conectado: conectalo en Cobros → MercadoPago.",
  });
}
