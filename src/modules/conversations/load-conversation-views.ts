import { Prisma, type TenantTx } from "@campotech/database";
import { organizationHistoryCutoff } from "./history-cutoff";
import { loadSenderNames } from "./load-sender-names";
import { OPEN_EMERGENCY_SQL } from "./open-emergency-sql";
import { toConversationView, type ConversationView } from "./to-conversation-view";

// What the inbox list shows of each conversation, for a page of ids in at most four queries whatever the page
// size: the plan's history window, the rows with their last message, which of them have an open emergency (a job or
// a lead), and the names of the people who wrote the last messages. Returned in the order of `ids`.
export async function loadConversationViews(tx: TenantTx, ids: string[]): Promise<ConversationView[]> {
  if (!ids.length) return [];
  // Below PROFESIONAL the inbox shows 30 days of history: the preview must not show what the thread hides.
  const since = await organizationHistoryCutoff(tx);
  const [found, emergencies] = await Promise.all([
    tx.whatsAppConversation.findMany({
      where: { id: { in: ids } },
      include: {
        customer: { select: { id: true, name: true, phone: true } },
        assignedTo: { select: { id: true, name: true } },
        messages: { ...(since ? { where: { createdAt: { gte: since } } } : {}), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { id: true, direction: true, type: true, content: true, sentByUserId: true, createdAt: true } },
      },
    }),
    tx.$queryRaw<{ id: string }[]>`
      SELECT c."id" FROM "WhatsAppConversation" c
      WHERE c."id" IN (${Prisma.join(ids)}) AND ${OPEN_EMERGENCY_SQL}`,
  ]);
  const names = await loadSenderNames(tx, found.map((c) => c.messages[0]?.sentByUserId));
  const emergency = new Set(emergencies.map((r) => r.id));
  const byId = new Map(found.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toConversationView({ ...row, emergency: emergency.has(id) }, names)] : [];
  });
}
