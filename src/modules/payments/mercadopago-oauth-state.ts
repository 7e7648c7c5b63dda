import { env } from "../../lib/env";

export const OAUTH_CALLBACK_PATH = "/api/mercadopago/oauth/callback";
// The authorization code lives 10 minutes; the state we keep for it, the same.
export const OAUTH_STATE_TTL_SECONDS = 10 * 60;

export type StoredOAuthState = { organizationId: string; userId: string; verifier: string };

export const oauthStateKey = (state: string) => `mp:oauth:${state}`;

export function oauthRedirectUri(): string {
  return `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}${OAUTH_CALLBACK_PATH}`;
}
