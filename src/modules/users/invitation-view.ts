import type { UserRole } from "@campotech/database";

// TeamInvitation.status (the database package does not re-export that enum).
export type InvitationStatus = "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";

export type InvitationView = {
  id: string;
  phone: string;
  name: string;
  role: UserRole;
  status: InvitationStatus;
  expiresAt: Date;
  sentCount: number;
  createdAt: Date;
};

export const INVITATION_SELECT = { id: true, phone: true, name: true, role: true, status: true, expiresAt: true, sentCount: true, createdAt: true } as const;

// EXPIRED is never written by a timer: a pending invitation past its expiry reads as expired wherever it is shown.
export function invitationView(row: InvitationView, now: Date): InvitationView {
  return { ...row, status: row.status === "PENDING" && row.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : row.status };
}
