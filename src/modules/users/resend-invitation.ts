import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { INVITATION_MAX_SENDS, INVITATION_TTL_MS, newInvitationCode } from "./invitation-code";
import { INVITATION_SELECT, invitationView, type InvitationView } from "./invitation-view";
import { inviterNameOf } from "./invite-user";
import { invitationText, sendInvitationCode, type InvitationDelivery } from "./send-invitation-code";
import type { UserAccessActor } from "./update-user-access";

// A new code (the old one stops working), a fresh 72 h and the attempts reset; an expired invitation comes back to
// life this way. At most INVITATION_MAX_SENDS codes per invitation, so the button cannot be used to flood a phone.
export async function resendInvitation(
  organizationId: string,
  actor: UserAccessActor,
  invitationId: string,
  deps: { now?: Date } = {},
): Promise<{ invitation: InvitationView; delivery: InvitationDelivery }> {
  const now = deps.now ?? new Date();
  const updated = await withTenant(organizationId, async (tx) => {
    const current = await tx.teamInvitation.findUnique({ where: { id: invitationId }, select: { id: true, phone: true, name: true, role: true, status: true, invitedById: true } });
    if (!current) throw new AppError("NOT_FOUND", { message: "No encontramos esa invitación." });
    if (current.status === "ACCEPTED") throw new AppError("CONFLICT", { message: "La invitación ya fue aceptada." });
    if (current.status === "REVOKED") throw new AppError("CONFLICT", { message: "La invitación fue cancelada: invitá de nuevo." });
    const { code, codeHash } = newInvitationCode(organizationId, current.phone);
    // Conditional, so two clicks at once cannot both pass the cap.
    const { count } = await tx.teamInvitation.updateMany({
      where: { id: current.id, status: { in: ["PENDING", "EXPIRED"] }, sentCount: { lt: INVITATION_MAX_SENDS } },
      data: { codeHash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS), attempts: 0, sentCount: { increment: 1 }, status: "PENDING" },
    });
    if (count === 0) {
      throw new AppError("RATE_LIMITED", { message: `Ya mandamos ${INVITATION_MAX_SENDS} códigos para esta invitación. Cancelala e invitá de nuevo si hace falta.` });
    }
    const invitation = await tx.teamInvitation.findUniqueOrThrow({ where: { id: current.id }, select: INVITATION_SELECT });
    await appendAuditLog(tx, {
      organizationId,
      actorType: "userId" in actor ? "USER" : "OPERATOR",
      actorId: "userId" in actor ? actor.userId : null,
      action: "team.invitation_resent",
      entityType: "TeamInvitation",
      entityId: invitation.id,
      metadata: { sentCount: invitation.sentCount },
    });
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
    const inviterName = await inviterNameOf(tx, "userId" in actor ? actor : { userId: current.invitedById }, organization.name);
    return { invitation, text: invitationText({ inviterName, organizationName: organization.name, role: invitation.role, code }) };
  });
  const delivery = await sendInvitationCode(
    { organizationId, phone: updated.invitation.phone, name: updated.invitation.name, text: updated.text, expiresAt: updated.invitation.expiresAt },
    now,
  );
  return { invitation: invitationView(updated.invitation, now), delivery };
}
