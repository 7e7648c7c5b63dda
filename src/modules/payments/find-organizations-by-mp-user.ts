import { db } from "../../lib/db";

// A notification names MercadoPago's seller (user_id), not our organization. The SECURITY DEFINER function returns the
// organizations with an active link to that seller and nothing else of any tenant
// (database/migrations/20261213000000_payments).
export async function findOrganizationsByMpUser(mpUserId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ organization_id: string }[]>`SELECT campotech_organizations_by_mp_user(${mpUserId}) AS organization_id`;
  return rows.map((r) => r.organization_id);
}
