import { withTenant } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import type { AccessTokenClaims } from "./access-token";
import { bumpSessionVersion, cacheSessionState } from "./session-state";

// Logging out with only an access token (an operator-issued token, a browser that lost its refresh cookie) still
// ends the session: every access token of the user stops working. A token already revoked changes nothing.
export async function logoutAccessToken(claims: AccessTokenClaims): Promise<void> {
  const state = await withTenant(claims.org, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: claims.sub }, select: { sessionVersion: true } });
    if (!user || user.sessionVersion !== claims.sv) return null;
    const next = await bumpSessionVersion(tx, claims.sub);
    await appendAuditLog(tx, {
      organizationId: claims.org, actorType: "USER", actorId: claims.sub, action: "auth.logout", entityType: "User", entityId: claims.sub,
      metadata: { via: "access_token" },
    });
    return next;
  });
  if (state) await cacheSessionState(claims.sub, state);
}
