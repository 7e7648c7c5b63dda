import { withTenant } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { hashRefreshToken } from "./auth-secrets";
import { organizationOfRefreshToken } from "./issue-session";
import { revokeFamily } from "./revoke-family";
import { bumpSessionVersion, cacheSessionState } from "./session-state";

// Ends the session on every device that shares this login (the token's family). Unknown tokens are a no-op:
// logging out twice is not an error. The user's access tokens stop working at once (session version bump); other
// devices of the same user renew theirs silently with their own refresh tokens.
export async function logout(refreshToken: string, deps: { now?: () => number } = {}): Promise<void> {
  const now = deps.now?.() ?? Date.now();
  const organizationId = organizationOfRefreshToken(refreshToken);
  if (!organizationId) return;
  const changed = await withTenant(organizationId, async (tx) => {
    const token = await tx.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(refreshToken) }, select: { familyId: true, userId: true } });
    if (!token) return null;
    const revoked = await revokeFamily(tx, token.familyId, now);
    const state = await bumpSessionVersion(tx, token.userId);
    await appendAuditLog(tx, { organizationId, actorType: "USER", actorId: token.userId, action: "auth.logout", entityType: "User", entityId: token.userId, metadata: { familyId: token.familyId, revokedTokens: revoked } });
    return { userId: token.userId, state };
  });
  if (changed) await cacheSessionState(changed.userId, changed.state);
}
