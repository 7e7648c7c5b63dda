import type { TenantTx } from "../../lib/db";
import { INVITATION_SELECT, invitationView, type InvitationView } from "./invitation-view";
import { summarizeWorkingHours } from "./summarize-working-hours";

export type TeamMember = {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  role: "OWNER" | "ADMIN" | "DISPATCHER" | "TECHNICIAN" | "VIEWER";
  isActive: boolean;
  lastActiveAt: Date | null;
  createdAt: Date;
  // Technicians only: their weekly hours in one line ("Lun a Vie 08:00–18:00"), null when none are set.
  schedule: string | null;
};

// The team page in one read: people (active first, then by name) and the invitations not yet accepted or cancelled
// (pending, and lapsed ones so they can be re-sent), newest first.
export async function listTeam(tx: TenantTx, now: Date = new Date()): Promise<{ users: TeamMember[]; invitations: InvitationView[] }> {
  // One after the other: both run on the one connection of the tenant transaction.
  const users = await tx.user.findMany({
    orderBy: [{ isActive: "desc" }, { name: "asc" }],
    select: { id: true, name: true, phone: true, email: true, role: true, isActive: true, lastActiveAt: true, createdAt: true, schedule: { select: { workingHours: true } } },
  });
  const invitations = await tx.teamInvitation.findMany({ where: { status: { in: ["PENDING", "EXPIRED"] } }, orderBy: { createdAt: "desc" }, select: INVITATION_SELECT });
  return {
    users: users.map(({ schedule, ...user }) => ({ ...user, schedule: user.role === "TECHNICIAN" ? summarizeWorkingHours(schedule?.workingHours) : null })),
    invitations: invitations.map((i) => invitationView(i, now)),
  };
}
