import { db, withTenant } from "../../lib/db";

// Sealed login codes live no longer than the code itself: every minute the maintenance job erases the ones whose
// time is up, whatever became of their message (delivered, still queued behind a panic, failed).
export async function eraseExpiredSecrets(input: { now?: Date } = {}): Promise<{ erased: number }> {
  const now = input.now ?? new Date();
  const organizations = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
  let erased = 0;
  for (const { id: organizationId } of organizations) {
    const { count } = await withTenant(organizationId, (tx) =>
      tx.outboundDelivery.updateMany({
        where: { organizationId, sealedContent: { not: null }, secretExpiresAt: { lte: now } },
        data: { sealedContent: null },
      }),
    );
    erased += count;
  }
  return { erased };
}
