import type { TenantTx } from "../../lib/db";

// Outbound messages created since `since`, by the furthest status they reached: a read message was also
// delivered and sent, so the numbers nest (sent ≥ delivered ≥ read). Login codes to staff are not customer
// conversation and are left out.
export async function countMessageStatuses(tx: TenantTx, input: { since: Date }): Promise<{ sent: number; delivered: number; read: number; failed: number }> {
  const rows = await tx.whatsAppMessage.groupBy({
    by: ["status"],
    where: { direction: "OUTBOUND", createdAt: { gte: input.since }, conversation: { customer: { staffUserId: null } } },
    _count: { _all: true },
  });
  const of = (status: string) => rows.find((r) => r.status === status)?._count._all ?? 0;
  return {
    sent: of("SENT") + of("DELIVERED") + of("READ"),
    delivered: of("DELIVERED") + of("READ"),
    read: of("READ"),
    failed: of("FAILED"),
  };
}
