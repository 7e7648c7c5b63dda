import { Prisma, type MessageDirection, type MessageType, type SqlTx, type Tier } from "@campotech/database";
import { historyCutoffFor } from "./history-cutoff";
import { OPEN_EMERGENCY_SQL } from "./open-emergency-sql";
import { toConversationView, type ConversationView, type ConversationViewRow } from "./to-conversation-view";

// The view's own fields, with the joined ones flattened into columns.
type Row = Pick<ConversationViewRow, "id" | "status" | "unreadCount" | "lastMessageAt" | "windowExpiresAt" | "emergency"> & {
  customerId: string;
  customerName: string;
  customerPhone: string | null;
  assignedToId: string | null;
  assignedToName: string | null;
  messageId: string | null;
  direction: MessageDirection | null;
  type: MessageType | null;
  content: unknown;
  sentByUserId: string | null;
  senderName: string | null;
  messageAt: Date | null;
  tier: Tier;
  trialEndsAt: Date | null;
};

// What the inbox list shows of each conversation, for a page of ids in ONE statement whatever the page size
// (issue 22, inbox: each round trip counts at p95): the rows with their customer and assignee, the last message and
// the name of the person who wrote it, whether an emergency is open, and the plan's history window. Returned in the
// order of `ids`. An SqlTx, so it runs in a plain-SQL request (withTenantSql) or inside a mutation (sqlOf(tx)).
export async function loadConversationViews(tx: SqlTx, ids: string[], now: Date = new Date()): Promise<ConversationView[]> {
  if (!ids.length) return [];
  const found = await tx.query<Row>(Prisma.sql`
    SELECT c."id", c."status", c."unreadCount", c."lastMessageAt", c."windowExpiresAt",
      cu."id" AS "customerId", cu."name" AS "customerName", cu."phone" AS "customerPhone",
      a."id" AS "assignedToId", a."name" AS "assignedToName",
      m."id" AS "messageId", m."direction", m."type", m."content", m."sentByUserId", m."createdAt" AS "messageAt",
      su."name" AS "senderName", o."tier", o."trialEndsAt", ${OPEN_EMERGENCY_SQL} AS "emergency"
    FROM "WhatsAppConversation" c
    JOIN "Customer" cu ON cu."id" = c."customerId"
    JOIN "Organization" o ON o."id" = c."organizationId"
    LEFT JOIN "User" a ON a."id" = c."assignedToId"
    LEFT JOIN LATERAL (
      SELECT m."id", m."direction", m."type", m."content", m."sentByUserId", m."createdAt" FROM "WhatsAppMessage" m
      WHERE m."conversationId" = c."id" ORDER BY m."createdAt" DESC, m."id" DESC LIMIT 1
    ) m ON true
    LEFT JOIN "User" su ON su."id" = m."sentByUserId"
    WHERE c."id" IN (${Prisma.join(ids)})`);
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toConversationView(toViewRow(row, now), row.senderName && row.sentByUserId ? new Map([[row.sentByUserId, row.senderName]]) : new Map())] : [];
  });
}

// Below PROFESIONAL the inbox shows 30 days of history, so the preview must not show what the thread hides: the
// newest message is the newest since the cutoff only when it is not older than the cutoff (otherwise none is).
function toViewRow(row: Row, now: Date) {
  const since = historyCutoffFor(row, now);
  const shown = row.messageId && row.messageAt && row.direction && row.type && !(since && row.messageAt < since);
  return {
    id: row.id,
    status: row.status,
    unreadCount: row.unreadCount,
    lastMessageAt: row.lastMessageAt,
    windowExpiresAt: row.windowExpiresAt,
    customer: { id: row.customerId, name: row.customerName, phone: row.customerPhone },
    assignedTo: row.assignedToId ? { id: row.assignedToId, name: row.assignedToName ?? "" } : null,
    messages: shown ? [{ id: row.messageId!, direction: row.direction!, type: row.type!, content: row.content, sentByUserId: row.sentByUserId, createdAt: row.messageAt! }] : [],
    emergency: row.emergency,
  };
}
