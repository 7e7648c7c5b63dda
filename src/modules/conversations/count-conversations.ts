import { Prisma, type TenantTx } from "@campotech/database";
import { OPEN_EMERGENCY_SQL } from "./open-emergency-sql";
import { assignedScope, type Viewer } from "./viewer";

export type ConversationCounts = {
  all: number; open: number; closed: number; unread: number; mine: number; unassigned: number; windowOpen: number; windowClosed: number; emergency: number;
};

// Exact counts for the inbox filters (not "9+"): one pass over the viewer's conversations, staff rows and
// conversations soft-deleted by retention excluded.
export async function countConversations(tx: TenantTx, viewer: Viewer, now: Date = new Date()): Promise<ConversationCounts> {
  const scope = assignedScope(viewer, "read");
  const where = scope.assignedToId ? Prisma.sql`AND c."assignedToId" = ${scope.assignedToId}` : Prisma.empty;
  const [row] = await tx.$queryRaw<{ [K in keyof ConversationCounts]: number }[]>`
    SELECT count(*)::int AS "all",
           count(*) FILTER (WHERE c."status" = 'OPEN')::int AS "open",
           count(*) FILTER (WHERE c."status" = 'CLOSED')::int AS "closed",
           count(*) FILTER (WHERE c."unreadCount" > 0)::int AS "unread",
           count(*) FILTER (WHERE c."assignedToId" = ${viewer.userId})::int AS "mine",
           count(*) FILTER (WHERE c."assignedToId" IS NULL)::int AS "unassigned",
           count(*) FILTER (WHERE c."windowExpiresAt" > ${now.toISOString()}::timestamp(3))::int AS "windowOpen",
           count(*) FILTER (WHERE c."windowExpiresAt" IS NULL OR c."windowExpiresAt" <= ${now.toISOString()}::timestamp(3))::int AS "windowClosed",
           count(*) FILTER (WHERE ${OPEN_EMERGENCY_SQL})::int AS "emergency"
    FROM "WhatsAppConversation" c JOIN "Customer" cu ON cu."id" = c."customerId"
    WHERE cu."staffUserId" IS NULL AND c."deletedAt" IS NULL ${where}`;
  return row!;
}
