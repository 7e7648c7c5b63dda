import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { authorizationUrl, newPkce } from "../../integrations/mercadopago";
import { whenRedisReady } from "../../lib/redis";
import { OAUTH_STATE_TTL_SECONDS, oauthRedirectUri, oauthStateKey, type StoredOAuthState } from "./mercadopago-oauth-state";

// "Conectar MercadoPago": a state bound to this organization and this person (single use, 10 minutes) and a PKCE
// verifier, kept in Redis; the browser goes to MercadoPago's authorization page with them.
export async function startMercadoPagoConnection(redis: Redis, input: { organizationId: string; userId: string }): Promise<{ url: string }> {
  await whenRedisReady(redis);
  const state = randomBytes(24).toString("base64url");
  const { verifier, challenge } = newPkce();
  const stored: StoredOAuthState = { organizationId: input.organizationId, userId: input.userId, verifier };
  await redis.set(oauthStateKey(state), JSON.stringify(stored), "EX", OAUTH_STATE_TTL_SECONDS);
  return { url: authorizationUrl({ state, redirectUri: oauthRedirectUri(), codeChallenge: challenge }) };
}
