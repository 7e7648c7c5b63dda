import { exchangeAuthorizationCode, getSellerAccount, newPkce } from "../../integrations/mercadopago";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { oauthRedirectUri } from "./mercadopago-oauth-state";
import { storeMercadoPagoTokens } from "./store-mercadopago-tokens";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

// Development and tests only: link an organization to one of the local sandbox's sellers without a browser. The
// sandbox's consent step (its control API) issues the code; everything after it — the PKCE exchange, the sealed
// tokens — is the same path as «Conectar MercadoPago». Refuses anything but a local sandbox.
export async function connectSandboxSeller(organizationId: string, sellerId = "123456789"): Promise<{ mpUserId: string; nickname: string | null }> {
  const api = new URL(env.MERCADOPAGO_API_URL);
  if (!LOCAL_HOSTS.has(api.hostname)) throw new AppError("VALIDATION_FAILED", { message: `MERCADOPAGO_API_URL no apunta al sandbox local (${api.origin}).` });
  const control = `${api.origin}/_sandbox/mercadopago`;
  const { verifier, challenge } = newPkce();
  const response = await fetch(`${control}/authorize`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seller_id: Number(sellerId), redirect_uri: oauthRedirectUri(), state: "sandbox-connect", code_challenge: challenge, code_challenge_method: "S256" }),
  });
  if (!response.ok) throw new AppError("SERVICE_UNAVAILABLE", { message: `El sandbox no autorizó (HTTP ${response.status}: ${await response.text()}).` });
  const { code } = (await response.json()) as { code: string };
  const tokens = await exchangeAuthorizationCode({ code, redirectUri: oauthRedirectUri(), codeVerifier: verifier });
  await storeMercadoPagoTokens(organizationId, tokens, {});
  const nickname = await getSellerAccount(tokens.accessToken).then((a) => a.nickname, () => null);
  await withTenant(organizationId, async (tx) => {
    await tx.mercadoPagoConnection.update({ where: { organizationId }, data: { nickname } });
    await appendAuditLog(tx, { organizationId, actorType: "OPERATOR", action: "mercadopago.connected", entityType: "MercadoPagoConnection", entityId: organizationId, metadata: { mpUserId: tokens.userId, nickname, sandbox: true } });
  });
  // mp-connect notifications (a seller unlinking the app) go to the application's webhook: ours.
  await fetch(`${control}/application`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ webhookUrl: `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}/api/webhooks/mercadopago` }),
  }).catch(() => undefined);
  return { mpUserId: tokens.userId, nickname };
}
