import { createHash, randomBytes } from "node:crypto";
import { env } from "../../lib/env";
import { measureMercadoPagoCall } from "./measure-mercadopago-call";
import { MercadoPagoError } from "./mercadopago-error";

// Marketplace OAuth (reference/ARGENTINA.md §5.4): the seller authorizes our application; the code (10 minutes,
// single use) becomes an access token (180 days) and a refresh token that ROTATES on every refresh.
export type MpTokens = { accessToken: string; refreshToken: string; expiresIn: number; userId: string; publicKey: string | null; scope: string; liveMode: boolean };

export function newPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizationUrl(input: { state: string; redirectUri: string; codeChallenge: string }): string {
  const url = new URL(`${env.MERCADOPAGO_AUTH_URL.replace(/\/$/, "")}/authorization`);
  url.search = new URLSearchParams({
    client_id: env.MERCADOPAGO_CLIENT_ID,
    response_type: "code",
    platform_id: "mp",
    state: input.state,
    redirect_uri: input.redirectUri,
    code_challenge: input.codeChallenge,
    code_challenge_method: "S256",
  }).toString();
  return url.toString();
}

async function tokenRequest(body: Record<string, string>): Promise<MpTokens> {
  return measureMercadoPagoCall(`oauth.${body.grant_type}`, async () => {
    let response: Response;
    try {
      response = await fetch(`${env.MERCADOPAGO_API_URL.replace(/\/$/, "")}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ client_id: env.MERCADOPAGO_CLIENT_ID, client_secret: env.MERCADOPAGO_CLIENT_SECRET, ...body }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new MercadoPagoError(0, "network", `No se pudo conectar con MercadoPago: ${(error as Error).message}`);
    }
    const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new MercadoPagoError(response.status, String(data.error ?? "error"), String(data.message ?? data.error_description ?? "MercadoPago rechazó el pedido"));
    return {
      accessToken: String(data.access_token),
      refreshToken: String(data.refresh_token),
      expiresIn: Number(data.expires_in ?? 15_552_000),
      userId: String(data.user_id),
      publicKey: data.public_key ? String(data.public_key) : null,
      scope: String(data.scope ?? ""),
      liveMode: Boolean(data.live_mode),
    };
  });
}

export function exchangeAuthorizationCode(input: { code: string; redirectUri: string; codeVerifier: string }): Promise<MpTokens> {
  return tokenRequest({ grant_type: "authorization_code", code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier });
}

export function refreshAccessToken(refreshToken: string): Promise<MpTokens> {
  return tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken });
}
