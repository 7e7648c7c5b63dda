import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { withTenant } from "@campotech/core/lib/db";
import { assertSessionCurrent, can, verifyAccessToken, type AccessTokenClaims, type Permission } from "@campotech/core/modules/auth";
import { touchLastActive } from "@campotech/core/modules/users";
import type { TenantTx } from "@campotech/database";
import { ACCESS_COOKIE } from "../api/session-cookies";

export type PanelSession = { claims: AccessTokenClaims; tenant: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>; can: (permission: Permission) => boolean };

// Server components read the session from the httpOnly cookie and query the domain modules directly (no HTTP hop
// to our own API). An expired access token goes through /api/auth/renew, which rotates the refresh token (its
// cookie is scoped to /api/auth) and comes back; no session at all goes to the login page.
export async function requireSession(next: string): Promise<PanelSession> {
  const store = await cookies();
  const token = store.get(ACCESS_COOKIE)?.value;
  let claims: AccessTokenClaims | null = null;
  if (token) {
    try {
      claims = verifyAccessToken(token);
      // Revoked (logout elsewhere, deactivation, role change): renewal decides whether a session is left.
      await assertSessionCurrent(claims);
    } catch {
      claims = null;
    }
  }
  if (!claims) redirect(`/api/auth/renew?next=${encodeURIComponent(next)}`);
  // issue 19 (team): dashboard pages count as activity too (throttled inside, never awaited).
  void touchLastActive(claims);
  const organizationId = claims.org;
  return {
    claims,
    tenant: (fn) => withTenant(organizationId, fn),
    can: (permission) => can(claims.role, permission),
  };
}
