import type { TenantTx } from "../../lib/db";
import { countMessagesThisMonth } from "../whatsapp-accounts/count-messages-this-month";

// Purposes the plan never counts (send-message.ts): they are left out of the breakdown too, so it describes the
// same messages as the headline number.
const UNCOUNTED_PURPOSES = ["authentication", "opt_out_confirmation"];

// This month's messages for the overview. "sent" is countMessagesThisMonth, the one definition the WhatsApp usage
// meter shows as well (what the plan counted); delivered, read and failed break those messages down by the furthest
// status they reached, so the numbers nest (a read message was also delivered).
export async function countMessageStatuses(
  tx: TenantTx,
  input: { organizationId: string; since: Date; now?: Date },
): Promise<{ sent: number; delivered: number; read: number; failed: number }> {
  const counted = await countMessagesThisMonth(tx, { organizationId: input.organizationId, ...(input.now ? { now: input.now } : {}) });
  const rows = await tx.whatsAppMessage.groupBy({
    by: ["status"],
    where: { direction: "OUTBOUND", createdAt: { gte: input.since }, NOT: { delivery: { is: { purpose: { in: UNCOUNTED_PURPOSES } } } } },
    _count: { _all: true },
  });
  const of = (status: string) => rows.find((r) => r.status === status)?._count._all ?? 0;
  return {
    sent: counted.total,
    delivered: of("DELIVERED") + of("READ"),
    read: of("READ"),
    failed: of("FAILED"),
  };
}
