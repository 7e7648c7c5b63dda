import { createHash, timingSafeEqual } from "node:crypto";
import type { Reply } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { INVALID_GRANT_MESSAGE, oauthError } from "./errors.ts";
import { issueTokenPair } from "./issue-token-pair.ts";
import { mpNow } from "./mp-time.ts";
import type { AuthorizationCode } from "./state.ts";

export type TokenOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; reply: Reply; reason: string };

// POST /oauth/token. Every invalid_grant answers MercadoPago's one generic message (expired, used, revoked, another
// redirect_uri, PKCE mismatch all look alike on the wire); the precise reason goes to the recorded request only.

export function exchangeToken(state: SandboxState, fields: Record<string, string>): TokenOutcome {
  const config = state.config.mercadopago;
  if (!fields.client_id || !fields.client_secret) return fail("invalid_client", "client_id and client_secret are required", "missing client credentials");
  if (fields.client_id !== config.clientId || fields.client_secret !== config.clientSecret) {
    return fail("invalid_client", "invalid client_id or client_secret", "unknown client_id or wrong client_secret");
  }
  switch (fields.grant_type) {
    case "authorization_code":
      return authorizationCode(state, fields);
    case "refresh_token":
      return refreshToken(state, fields);
    case undefined:
    case "":
      return fail("invalid_request", "grant_type is required", "no grant_type");
    default:
      return fail("unsupported_grant_type", "grant_type not supported", `grant_type ${fields.grant_type} is not emulated`);
  }
}

function authorizationCode(state: SandboxState, fields: Record<string, string>): TokenOutcome {
  if (!fields.code) return fail("invalid_request", "code is required", "no code");
  const code = state.mercadopago.codes.get(fields.code);
  if (!code) return invalidGrant("unknown code");
  if (code.used) return invalidGrant("code already used");
  if (code.expiresAt <= mpNow(state)) return invalidGrant("code expired (10 minutes)");
  // A failed exchange burns the code too, as an authorization server must not let a code be probed.
  code.used = true;
  if (fields.redirect_uri !== code.redirectUri) return invalidGrant(`redirect_uri ${fields.redirect_uri ?? "(none)"} differs from the authorization's ${code.redirectUri}`);
  if (code.codeChallenge && !pkceMatches(code, fields.code_verifier)) return invalidGrant(fields.code_verifier ? "code_verifier does not match code_challenge" : "code_verifier missing (PKCE)");
  const seller = state.mercadopago.sellers.get(code.sellerId);
  if (!seller) return invalidGrant("seller no longer exists");
  return { ok: true, body: issueTokenPair(state, seller.id) };
}

function refreshToken(state: SandboxState, fields: Record<string, string>): TokenOutcome {
  if (!fields.refresh_token) return fail("invalid_request", "refresh_token is required", "no refresh_token");
  const stored = state.mercadopago.refreshTokens.get(fields.refresh_token);
  if (!stored) return invalidGrant("unknown refresh_token");
  if (stored.revoked) return invalidGrant("refresh_token revoked (the seller unlinked the application)");
  if (stored.used) return invalidGrant("refresh_token already used: every refresh rotates it, store the new one");
  // Rotation: the old refresh token dies now; the previous access token lives until its own expiry.
  stored.used = true;
  return { ok: true, body: issueTokenPair(state, stored.sellerId) };
}

function pkceMatches(code: AuthorizationCode, verifier: string | undefined): boolean {
  if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const expected = code.codeChallengeMethod === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  const a = Buffer.from(expected);
  const b = Buffer.from(code.codeChallenge ?? "");
  return a.length === b.length && timingSafeEqual(a, b);
}

function invalidGrant(reason: string): TokenOutcome {
  return fail("invalid_grant", INVALID_GRANT_MESSAGE, reason);
}

function fail(error: string, message: string, reason: string): TokenOutcome {
  return { ok: false, reply: oauthError(error, message), reason };
}
