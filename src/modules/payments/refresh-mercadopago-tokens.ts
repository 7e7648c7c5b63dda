import type { Redis } from "ioredis";
import { db, withTenant } from "../../lib/db";
import { logger } from "../../lib/logger";
import { getMercadoPagoAccessToken, REFRESH_BEFORE_MS } from "./get-mercadopago-access-token";

// Sellers' tokens last 180 days; each one within a month of expiring is refreshed here even if nobody charges anything
// (getMercadoPagoAccessToken refreshes under a lock and stores the rotated refresh token). A refused refresh marks the
// link revoked so the owner is asked to connect again.
export async function refreshMercadoPagoTokens(redis: Redis, now: Date = new Date()): Promise<{ refreshed: number; failed: number }> {
  const organizations = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
  let refreshed = 0;
  let failed = 0;
  for (const { id: organizationId } of organizations) {
    const due = await withTenant(organizationId, (tx) =>
      tx.mercadoPagoConnection.findFirst({ where: { organizationId, status: "ACTIVE", expiresAt: { lte: new Date(now.getTime() + REFRESH_BEFORE_MS) } }, select: { id: true } }),
    );
    if (!due) continue;
    try {
      await getMercadoPagoAccessToken(redis, organizationId, now.getTime());
      refreshed++;
    } catch (error) {
      failed++;
      logger.warn({ organizationId, err: (error as Error).message }, "mercadopago token refresh failed");
    }
  }
  return { refreshed, failed };
}
