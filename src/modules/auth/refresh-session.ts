import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { hashRefreshToken } from "./auth-secrets";
import { issueSession, organizationOfRefreshToken, type Session } from "./issue-session";
import { revokeFamily } from "./revoke-family";
import { bumpSessionVersion, cacheSessionState } from "./session-state";

// Rotates the refresh token: the presented one is marked rotated and a new one of the same family is issued, with
// the user's current role. Presenting a rotated (or revoked) token again means it was copied: the whole family is
// revoked and audited, and both the thief and the owner must log in again.
export async function refreshSession(refreshToken: string, deps: { now?: () => number } = {}): Promise<Session> {
  const now = deps.now?.() ?? Date.now();
  const organizationId = organizationOfRefreshToken(refreshToken);
  if (!organizationId) throw new AppError("UNAUTHENTICATED");
  // Reuse must commit the revocation, so the transaction returns an outcome instead of throwing.
  const outcome = await withTenant(organizationId, async (tx) => {
    const token = await tx.refreshToken.findUnique({
      where: { tokenHash: hashRefreshToken(refreshToken) },
      select: { id: true, familyId: true, expiresAt: true, rotatedAt: true, revokedAt: true, user: { select: { id: true, role: true, isActive: true } } },
    });
    if (!token) return { kind: "invalid" as const };
    const claimed = await tx.refreshToken.updateMany({ where: { id: token.id, rotatedAt: null, revokedAt: null }, data: { rotatedAt: new Date(now) } });
    if (claimed.count === 0) {
      const revoked = await revokeFamily(tx, token.familyId, now);
      // The copied token may already have minted access tokens: they stop working now, not in 15 minutes.
      const state = await bumpSessionVersion(tx, token.user.id);
      await appendAuditLog(tx, {
        organizationId, actorType: "USER", actorId: token.user.id, action: "auth.refresh_reuse_detected", entityType: "User", entityId: token.user.id,
        metadata: { familyId: token.familyId, revokedTokens: revoked },
      });
      return { kind: "revoked" as const, userId: token.user.id, state };
    }
    if (token.expiresAt.getTime() <= now || !token.user.isActive) return { kind: "invalid" as const };
    const session = await issueSession(tx, { id: token.user.id, organizationId, role: token.user.role }, { familyId: token.familyId, now });
    return { kind: "ok" as const, session };
  });
  if (outcome.kind === "revoked") await cacheSessionState(outcome.userId, outcome.state);
  if (outcome.kind !== "ok") throw new AppError("UNAUTHENTICATED", { message: "Tu sesión venció. Iniciá sesión de nuevo." });
  return outcome.session;
}
