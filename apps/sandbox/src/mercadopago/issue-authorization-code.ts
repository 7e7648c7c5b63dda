import type { SandboxState } from "../state.ts";
import { newTemporalGrant } from "./ids.ts";
import { mpNow } from "./mp-time.ts";
import type { AuthorizationCode } from "./state.ts";

export type AuthorizationRequest = {
  sellerId: number;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
};

/** What the seller's "Permitir" produces: a single-use TG- code bound to the redirect_uri (and PKCE challenge). */
export function issueAuthorizationCode(state: SandboxState, request: AuthorizationRequest): AuthorizationCode {
  const code: AuthorizationCode = {
    code: newTemporalGrant(request.sellerId),
    sellerId: request.sellerId,
    redirectUri: request.redirectUri,
    expiresAt: mpNow(state) + state.config.mercadopago.codeTtlMs,
    used: false,
    ...(request.codeChallenge ? { codeChallenge: request.codeChallenge, codeChallengeMethod: request.codeChallengeMethod ?? "plain" } : {}),
  };
  state.mercadopago.codes.set(code.code, code);
  return code;
}

/** The callback URL: redirect_uri with its own query kept, plus code/error and state. */
export function callbackLocation(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(key, value);
  return url.toString();
}
