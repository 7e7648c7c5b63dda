import type { TenantTx } from "../../lib/db";

// One conversation per customer per organization (unique key), created on first contact. ON CONFLICT DO NOTHING
// then read, so concurrent first messages share the row.
export async function ensureConversation(tx: TenantTx, organizationId: string, customerId: string, accountId: string) {
  await tx.whatsAppConversation.createMany({ data: [{ organizationId, customerId, accountId }], skipDuplicates: true });
  // A conversation retention soft-deleted after a year of silence comes back to the inbox with the new message.
  await tx.whatsAppConversation.updateMany({ where: { organizationId, customerId, deletedAt: { not: null } }, data: { deletedAt: null } });
  return tx.whatsAppConversation.findUniqueOrThrow({
    where: { organizationId_customerId: { organizationId, customerId } },
    select: { id: true },
  });
}
