import type { SandboxState } from "../state.ts";
import { APPLICATION_NUMBER } from "./application.ts";
import { newAccessToken, newPublicKey, newTemporalGrant } from "./ids.ts";
import { mpNow } from "./mp-time.ts";

/** A fresh access/refresh pair for a seller, answered as POST /oauth/token does. */
export function issueTokenPair(state: SandboxState, sellerId: number): Record<string, unknown> {
  const mp = state.mercadopago;
  const now = mpNow(state);
  const expiresIn = state.config.mercadopago.tokenExpiresInSeconds;
  const accessToken = newAccessToken(APPLICATION_NUMBER, sellerId, now);
  const refreshToken = newTemporalGrant(sellerId);
  mp.accessTokens.set(accessToken, { token: accessToken, sellerId, expiresAt: now + expiresIn * 1000, revoked: false, issuedAt: now });
  mp.refreshTokens.set(refreshToken, { token: refreshToken, sellerId, used: false, revoked: false, issuedAt: now });
  return {
    access_token: accessToken,
    token_type: "bearer",
    expires_in: expiresIn,
    scope: "offline_access read write",
    user_id: sellerId,
    refresh_token: refreshToken,
    public_key: newPublicKey(),
    live_mode: false,
  };
}
