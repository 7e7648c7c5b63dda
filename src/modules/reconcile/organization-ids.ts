import { db } from "../../lib/db";

// Every organization that can have scheduled work (the system function the other sweeps use; RLS-safe).
export async function activeOrganizationIds(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
  return rows.map((r) => r.id);
}
