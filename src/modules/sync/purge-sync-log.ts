import { db, withTenant } from "../../lib/db";

// The change log only has to reach back past the oldest usable cursor (a cursor from another day restarts with a full
// pull), so two days; mutation answers are replayed for 30 days (a phone offline longer starts over); uploads never
// attached go after 30 days (their row; the bytes are small and keyed by hash).
export const SYNC_CHANGE_RETENTION_DAYS = 2;
export const SYNC_MUTATION_RETENTION_DAYS = 30;

export async function purgeSyncLog(input: { now?: Date } = {}): Promise<{ changes: number; mutations: number; uploads: number }> {
  const now = (input.now ?? new Date()).getTime();
  const changesBefore = new Date(now - SYNC_CHANGE_RETENTION_DAYS * 86_400_000);
  const mutationsBefore = new Date(now - SYNC_MUTATION_RETENTION_DAYS * 86_400_000);
  const total = { changes: 0, mutations: 0, uploads: 0 };
  const organizations = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
  for (const { id } of organizations) {
    await withTenant(id, async (tx) => {
      total.changes += (await tx.syncChange.deleteMany({ where: { createdAt: { lt: changesBefore } } })).count;
      total.mutations += (await tx.syncMutation.deleteMany({ where: { createdAt: { lt: mutationsBefore } } })).count;
      total.uploads += (await tx.syncUpload.deleteMany({ where: { createdAt: { lt: mutationsBefore } } })).count;
    });
  }
  return total;
}
