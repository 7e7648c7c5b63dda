import type { UserRole } from "@campotech/database";
import { db } from "../../lib/db";

export type PhoneUser = { userId: string; organizationId: string; organizationName: string; role: UserRole; name: string };

// Login starts before any organization is known; the SECURITY DEFINER function returns only the active users with
// this phone (database/migrations/20261201030000_auth_sessions_audit_chain), never other tenant data.
export async function findUsersByPhone(phone: string): Promise<PhoneUser[]> {
  const rows = await db.$queryRaw<{ user_id: string; organization_id: string; organization_name: string; role: UserRole; name: string }[]>`
    SELECT * FROM campotech_users_by_phone(${phone})`;
  return rows.map((r) => ({ userId: r.user_id, organizationId: r.organization_id, organizationName: r.organization_name, role: r.role, name: r.name }));
}
