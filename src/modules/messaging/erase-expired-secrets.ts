import { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { organizationsWith } from "../reconcile/organization-ids";

// Sealed login codes live no longer than the code itself: every minute the maintenance job erases the ones whose
// time is up, whatever became of their message (delivered, still queued behind a panic, failed).
export async function eraseExpiredSecrets(input: { now?: Date } = {}): Promise<{ erased: number }> {
  const now = input.now ?? new Date();
  const organizations = (await organizationsWith(Prisma.sql`EXISTS (SELECT 1 FROM "OutboundDelivery"
    WHERE "sealedContent" IS NOT NULL AND "secretExpiresAt" <= ${now.toISOString()}::timestamp)`)).map((id) => ({ id }));
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
