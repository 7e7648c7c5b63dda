import type { TenantTx } from "@campotech/database";
import { toWaId } from "../../lib/phone";

// The outbound engine sends to customers. A staff member gets a Customer row of their own, marked by staffUserId:
// no phone (waId only), so inbound matching (by phone) never lands on it and a real customer with the same number
// keeps their own row and conversation; customer lists and the inbox filter staffUserId != null (docs/auth.md).
export async function ensureStaffRecipient(
  tx: TenantTx,
  user: { userId: string; organizationId: string; name: string; phone: string },
): Promise<string> {
  const row = await tx.customer.upsert({
    where: { organizationId_staffUserId: { organizationId: user.organizationId, staffUserId: user.userId } },
    create: { organizationId: user.organizationId, staffUserId: user.userId, waId: toWaId(user.phone), name: `Equipo · ${user.name}` },
    update: { waId: toWaId(user.phone) },
    select: { id: true },
  });
  return row.id;
}
