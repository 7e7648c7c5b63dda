import type { Redis } from "ioredis";
import { getPayment, getSellerAccount, MercadoPagoError } from "../../integrations/mercadopago";
import { logger } from "../../lib/logger";
import { applyMercadoPagoPayment, type ApplyOutcome } from "./apply-mercadopago-payment";
import { findOrganizationsByMpUser } from "./find-organizations-by-mp-user";
import { getMercadoPagoAccessToken } from "./get-mercadopago-access-token";
import { markMercadoPagoRevoked } from "./mark-mercadopago-revoked";
import type { MercadoPagoNotification } from "./mercadopago-notification.schemas";

export type NotificationResult = { organizationId: string; result: ApplyOutcome | { outcome: "not_found" | "revoked" | "still_linked" } };

// The worker's side of a notification. Nothing from the body is believed: for a payment, each organization linked to
// that seller asks MercadoPago for the payment with its own token (a payment of another seller answers 404: nothing
// changes); for mp-connect "deauthorized", the link is marked revoked only if MercadoPago now refuses its token.
// Transient MercadoPago errors throw, so the job retries.
export async function processMercadoPagoNotification(redis: Redis, notification: MercadoPagoNotification, now: Date = new Date()): Promise<NotificationResult[]> {
  const organizations = await findOrganizationsByMpUser(notification.mpUserId);
  const results: NotificationResult[] = [];
  for (const organizationId of organizations) {
    try {
      const accessToken = await getMercadoPagoAccessToken(redis, organizationId, now.getTime());
      if (notification.topic === "mp-connect") {
        if (!notification.action.endsWith("deauthorized")) continue;
        await getSellerAccount(accessToken);
        results.push({ organizationId, result: { outcome: "still_linked" } });
        continue;
      }
      const payment = await getPayment(accessToken, notification.dataId);
      results.push({ organizationId, result: await applyMercadoPagoPayment(organizationId, payment, now) });
    } catch (error) {
      if (error instanceof MercadoPagoError && error.status === 404) {
        results.push({ organizationId, result: { outcome: "not_found" } });
        continue;
      }
      if (error instanceof MercadoPagoError && error.revoked) {
        await markMercadoPagoRevoked(organizationId, error.message);
        results.push({ organizationId, result: { outcome: "revoked" } });
        continue;
      }
      throw error;
    }
  }
  if (!organizations.length) logger.info({ mpUserId: notification.mpUserId, topic: notification.topic }, "mercadopago notification for a seller nobody links");
  return results;
}
