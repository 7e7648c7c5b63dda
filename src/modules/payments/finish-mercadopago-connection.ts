import type { Redis } from "ioredis";
import { exchangeAuthorizationCode, getSellerAccount } from "../../integrations/mercadopago";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { whenRedisReady } from "../../lib/redis";
import { appendAuditLog } from "../audit/append-audit-log";
import { oauthRedirectUri, oauthStateKey, type StoredOAuthState } from "./mercadopago-oauth-state";
import { storeMercadoPagoTokens } from "./store-mercadopago-tokens";

// The callback: the state must exist (once), belong to the person who is signed in, and the code is exchanged at once
// (it expires in 10 minutes). Tokens are sealed; the seller's id says which MercadoPago account this is.
export async function finishMercadoPagoConnection(
  redis: Redis,
  input: { state: string; code: string; signedInUserId: string | null },
): Promise<{ organizationId: string; nickname: string | null }> {
  await whenRedisReady(redis);
  const raw = await redis.getdel(oauthStateKey(input.state));
  if (!raw) throw new AppError("VALIDATION_FAILED", { message: "El pedido de conexión venció o ya se usó: volvé a tocar «Conectar MercadoPago»." });
  const state = JSON.parse(raw) as StoredOAuthState;
  if (!input.signedInUserId || input.signedInUserId !== state.userId) {
    throw new AppError("FORBIDDEN", { message: "La conexión la empezó otra persona: iniciá sesión con tu usuario y volvé a conectar." });
  }
  const tokens = await exchangeAuthorizationCode({ code: input.code, redirectUri: oauthRedirectUri(), codeVerifier: state.verifier });
  await storeMercadoPagoTokens(state.organizationId, tokens, { connectedById: state.userId });
  // The account's name, so the settings page says which account is linked; not worth failing the link over.
  const nickname = await getSellerAccount(tokens.accessToken).then((a) => a.nickname, () => null);
  await withTenant(state.organizationId, async (tx) => {
    if (nickname) await tx.mercadoPagoConnection.update({ where: { organizationId: state.organizationId }, data: { nickname } });
    await appendAuditLog(tx, { organizationId: state.organizationId, actorType: "USER", actorId: state.userId, action: "mercadopago.connected", entityType: "MercadoPagoConnection", entityId: state.organizationId, metadata: { mpUserId: tokens.userId, nickname } });
  });
  return { organizationId: state.organizationId, nickname };
}
