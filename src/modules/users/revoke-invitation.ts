import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { INVITATION_SELECT, invitationView, type InvitationView } from "./invitation-view";
import type { UserAccessActor } from "./update-user-access";

// The code stops working at once. Idempotent: cancelling a cancelled (or lapsed) invitation answers the same and
// writes no second audit row; an accepted one is a person now, changed from the team list instead.
export async function revokeInvitation(
  organizationId: string,
  actor: UserAccessActor,
  invitationId: string,
  deps: { now?: Date } = {},
): Promise<InvitationView> {
  const now = deps.now ?? new Date();
  return withTenant(organizationId, async (tx) => {
    const current = await tx.teamInvitation.findUnique({ where: { id: invitationId }, select: INVITATION_SELECT });
    if (!current) throw new AppError("NOT_FOUND", { message: "No encontramos esa invitación." });
    if (current.status === "ACCEPTED") throw new AppError("CONFLICT", { message: "La invitación ya fue aceptada: si hace falta, desactivá a la persona desde el equipo." });
    const { count } = await tx.teamInvitation.updateMany({ where: { id: current.id, status: { in: ["PENDING", "EXPIRED"] } }, data: { status: "REVOKED" } });
    if (count > 0) {
      await appendAuditLog(tx, {
        organizationId,
        actorType: "userId" in actor ? "USER" : "OPERATOR",
        actorId: "userId" in actor ? actor.userId : null,
        action: "team.invitation_revoked",
        entityType: "TeamInvitation",
        entityId: current.id,
        metadata: { role: current.role },
      });
    }
    return invitationView({ ...current, status: "REVOKED" }, now);
  });
}
