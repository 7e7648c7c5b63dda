import { z } from "zod";
import type { TenantTx } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { normalizeArgentinePhone } from "../../lib/phone";
import { appendAuditLog } from "../audit/append-audit-log";
import { INVITATION_TTL_MS, newInvitationCode } from "./invitation-code";
import { INVITATION_SELECT, invitationView, type InvitationView } from "./invitation-view";
import { assertResponderSeat, isResponderRole } from "./responder-seats";
import { invitationText, sendInvitationCode, type InvitationDelivery } from "./send-invitation-code";
import type { UserAccessActor } from "./update-user-access";

// OWNER is never granted by a code sent to a phone: an owner promotes someone who already joined.
export const INVITABLE_ROLES = ["ADMIN", "DISPATCHER", "TECHNICIAN", "VIEWER"] as const;

export const inviteUserInputSchema = z.object({
  phone: z.string().trim().min(6, "Ingresá el celular.").max(30),
  name: z.string().trim().min(1, "Ingresá el nombre.").max(80),
  role: z.string().trim().toUpperCase().refine((r) => (INVITABLE_ROLES as readonly string[]).includes(r), {
    message: "Elegí un rol: administrador, despachante, técnico u observador (los dueños se nombran desde el equipo).",
  }),
});

// Creates a pending invitation with a fresh 6-digit code (only its HMAC stored) valid 72 h and sends the code to the
// phone. Refused: someone already active with that phone, an invitation still pending for it, the OWNER role, and a
// responder role beyond the plan's seats. The message goes out after the invitation commits.
export async function inviteUser(
  organizationId: string,
  actor: UserAccessActor,
  raw: z.input<typeof inviteUserInputSchema>,
  deps: { now?: Date } = {},
): Promise<{ invitation: InvitationView; delivery: InvitationDelivery }> {
  const now = deps.now ?? new Date();
  const parsed = inviteUserInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", { fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "body"), i.message])) });
  }
  const input = { ...parsed.data, role: parsed.data.role as (typeof INVITABLE_ROLES)[number] };
  const created = await withTenant(organizationId, (tx) => createInvitation(tx, organizationId, actor, input, now));
  const delivery = await sendInvitationCode(
    { organizationId, phone: created.invitation.phone, name: input.name, text: created.text, expiresAt: created.invitation.expiresAt },
    now,
  );
  return { invitation: invitationView(created.invitation, now), delivery };
}

async function createInvitation(
  tx: TenantTx,
  organizationId: string,
  actor: UserAccessActor,
  input: { phone: string; name: string; role: (typeof INVITABLE_ROLES)[number] },
  now: Date,
) {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, areaCode: true } });
  const phone = normalizeArgentinePhone(input.phone, organization.areaCode);
  if (!phone) throw new AppError("INVALID_PHONE", { fields: { phone: "El celular no es un número argentino válido." } });

  const member = await tx.user.findUnique({ where: { organizationId_phone: { organizationId, phone } }, select: { name: true, isActive: true } });
  if (member?.isActive) throw new AppError("CONFLICT", { message: `${member.name} ya es parte del equipo con ese celular.`, fields: { phone: "Ya es parte del equipo." } });
  // Lapsed invitations get their final status so the one-pending-per-phone rule below reads only live ones.
  await tx.teamInvitation.updateMany({ where: { organizationId, phone, status: "PENDING", expiresAt: { lte: now } }, data: { status: "EXPIRED" } });
  const pending = await tx.teamInvitation.findFirst({ where: { organizationId, phone, status: "PENDING" }, select: { id: true } });
  if (pending) {
    throw new AppError("CONFLICT", { message: "Ya hay una invitación pendiente para ese celular: reenviala o cancelala.", fields: { phone: "Ya tiene una invitación pendiente." } });
  }
  if (isResponderRole(input.role)) await assertResponderSeat(tx, organizationId, { countInvitations: true, now });

  const inviterName = await inviterNameOf(tx, actor, organization.name);
  const { code, codeHash } = newInvitationCode(organizationId, phone);
  const invitation = await tx.teamInvitation.create({
    data: {
      organizationId, phone, name: input.name, role: input.role, codeHash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      invitedById: "userId" in actor ? actor.userId : null, createdAt: now,
    },
    select: INVITATION_SELECT,
  });
  await appendAuditLog(tx, {
    organizationId,
    actorType: "userId" in actor ? "USER" : "OPERATOR",
    actorId: "userId" in actor ? actor.userId : null,
    action: "team.invitation_created",
    entityType: "TeamInvitation",
    entityId: invitation.id,
    metadata: { role: input.role, reinvite: !!member },
  });
  return { invitation, text: invitationText({ inviterName, organizationName: organization.name, role: input.role, code }) };
}

// The person the invitee knows: the inviting user, or (an operator's invitation from the CLI) an active owner.
export async function inviterNameOf(tx: TenantTx, actor: UserAccessActor | { userId: string | null }, organizationName: string): Promise<string> {
  const user = "userId" in actor && actor.userId
    ? await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } })
    : await tx.user.findFirst({ where: { role: "OWNER", isActive: true }, orderBy: { createdAt: "asc" }, select: { name: true } });
  return user?.name.split(/\s+/)[0] ?? organizationName;
}
