import type { TenantTx, UserRole } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { bumpSessionVersion, cacheSessionState, type SessionState } from "../auth/session-state";
import { flagJobsForReassignment } from "./flag-jobs-for-reassignment";
import { assertResponderSeat, isResponderRole } from "./responder-seats";

export type UserAccessChange = { role?: UserRole; isActive?: boolean };
export type UserAccessActor = { userId: string; role: UserRole } | { operator: true };

// Changes who a team member is to the platform: their role, or whether they may sign in at all. Either change ends
// their outstanding access tokens at once (session version); deactivation also revokes every refresh token, so no
// device can renew. Guard rails: nobody changes their own access, only an owner touches owners, and the last
// active owner stays. Becoming (or coming back as) an owner, administrator or dispatcher takes one of the plan's
// responder seats (responder-seats.ts). Deactivation flags the person's jobs still ahead for reassignment and says
// how many (flaggedJobs); reactivation leaves the flags: the office may have planned around the absence already.
export type UserAccessResult = { id: string; role: UserRole; isActive: boolean; flaggedJobs: number };

export async function updateUserAccess(
  input: { organizationId: string; userId: string; change: UserAccessChange; actor: UserAccessActor; now?: Date },
): Promise<UserAccessResult> {
  const { user, state } = await withTenant(input.organizationId, (tx) => applyChange(tx, input));
  // After commit, so no process can cache the old state over the new one.
  if (state) await cacheSessionState(user.id, state);
  return user;
}

async function applyChange(
  tx: TenantTx,
  input: { organizationId: string; userId: string; change: UserAccessChange; actor: UserAccessActor; now?: Date },
): Promise<{ user: UserAccessResult; state: SessionState | null }> {
  const now = input.now ?? new Date();
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, isActive: true } });
  if (!user) throw new AppError("NOT_FOUND", { message: "No encontramos a ese usuario." });
  const { actor, change } = input;
  if ("userId" in actor) {
    if (actor.userId === user.id) throw new AppError("FORBIDDEN", { message: "No podés cambiar tu propio acceso: pedíselo a otro administrador." });
    if (actor.role !== "OWNER" && (user.role === "OWNER" || change.role === "OWNER")) {
      throw new AppError("FORBIDDEN", { message: "Solo un dueño puede cambiar el acceso de un dueño." });
    }
  }
  const role = change.role ?? user.role;
  const isActive = change.isActive ?? user.isActive;
  if (role === user.role && isActive === user.isActive) return { user: { ...user, flaggedJobs: 0 }, state: null };
  if (user.role === "OWNER" && user.isActive && (role !== "OWNER" || !isActive)) {
    // Locked, so two owners demoting each other at once cannot leave the organization without one.
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User" WHERE "organizationId" = ${input.organizationId} AND "role" = 'OWNER' AND "isActive" FOR UPDATE`;
    if (owners.length <= 1) throw new AppError("CONFLICT", { message: "La organización necesita al menos un dueño activo." });
  }

  if (isActive && isResponderRole(role) && !(user.isActive && isResponderRole(user.role))) {
    await assertResponderSeat(tx, input.organizationId, { excludeUserId: user.id, now });
  }

  const updated = await tx.user.update({ where: { id: user.id }, data: { role, isActive }, select: { id: true, role: true, isActive: true } });
  if (!isActive) await tx.refreshToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
  const flaggedJobs = !isActive && user.isActive ? await flagJobsForReassignment(tx, user.id, now) : 0;
  const state = await bumpSessionVersion(tx, user.id);
  await appendAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: "userId" in actor ? "USER" : "OPERATOR",
    actorId: "userId" in actor ? actor.userId : null,
    action: isActive === user.isActive ? "user.role_changed" : isActive ? "user.reactivated" : "user.deactivated",
    entityType: "User",
    entityId: user.id,
    metadata: { from: { role: user.role, isActive: user.isActive }, to: { role, isActive }, ...(flaggedJobs ? { flaggedJobs } : {}) },
  });
  return { user: { ...updated, flaggedJobs }, state };
}
