import type { SandboxState } from "../state.ts";
import { notifyConnect } from "./notify.ts";

/**
 * The seller unlinked our application (or MercadoPago wiped its credentials): every access and refresh token it had
 * stops working at once, and the application's webhook gets an mp-connect application.deauthorized.
 */
export function revokeSeller(state: SandboxState, sellerId: number): { accessTokens: number; refreshTokens: number; notificationId: string | null } {
  const mp = state.mercadopago;
  let accessTokens = 0;
  let refreshTokens = 0;
  for (const token of mp.accessTokens.values()) {
    if (token.sellerId === sellerId && !token.revoked) {
      token.revoked = true;
      accessTokens += 1;
    }
  }
  for (const token of mp.refreshTokens.values()) {
    if (token.sellerId === sellerId && !token.revoked) {
      token.revoked = true;
      refreshTokens += 1;
    }
  }
  const event = notifyConnect(state, sellerId, "application.deauthorized");
  return { accessTokens, refreshTokens, notificationId: event.url ? event.id : null };
}
