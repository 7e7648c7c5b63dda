import { Prisma, type SqlTx, type Tier } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { historyCutoffFor } from "./history-cutoff";
import { decodeCursor, encodeCursor } from "./page-cursor";
import { toMessageView } from "./to-message-view";
import { assignedScope, type Viewer } from "./viewer";

export type ListMessagesInput = { conversationId: string; cursor?: string; order?: "asc" | "desc"; limit?: number };

type MessageRow = Parameters<typeof toMessageView>[0] & { senderName: string | null };
type EventRow = { status: MessageRow["statusEvents"][number]["status"]; at: string };

// A conversation's messages in either order, keyset-paginated on (createdAt, id): the cursor names the last row
// seen and the page continues strictly after it. Below PROFESIONAL only the last 30 days (historySince says from when).
// issue 22 (inbox): two statements on an SqlTx (withTenantSql in the API, sqlOf inside withTenant in the panel).
export async function listMessages(tx: SqlTx, viewer: Viewer, input: ListMessagesInput, now: Date = new Date()) {
  // The same visibility as getConversationOrThrow: RLS hides other organizations, the staff's OTP conversations are
  // not part of the inbox and a technician reaches only the conversations assigned to them — all answer 404.
  const scope = assignedScope(viewer, "read");
  const [conversation] = await tx.query<{ tier: Tier; trialEndsAt: Date | null }>(Prisma.sql`
    SELECT o."tier", o."trialEndsAt" FROM "WhatsAppConversation" c
    JOIN "Customer" cu ON cu."id" = c."customerId" JOIN "Organization" o ON o."id" = c."organizationId"
    WHERE c."id" = ${input.conversationId} AND cu."staffUserId" IS NULL
      ${scope.assignedToId ? Prisma.sql`AND c."assignedToId" = ${scope.assignedToId}` : Prisma.empty}`);
  if (!conversation) throw new AppError("NOT_FOUND", { message: "La conversación no existe." });
  const since = historyCutoffFor(conversation, now);
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const desc = (input.order ?? "desc") === "desc";
  const after = input.cursor ? decodeCursor(input.cursor, ["id"] as const).id : undefined;
  const direction = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await tx.query<Omit<MessageRow, "statusEvents"> & { statusEvents: EventRow[] }>(Prisma.sql`
    SELECT m."id", m."conversationId", m."waMessageId", m."direction", m."type", m."content", m."status", m."errorCode",
      m."errorTitle", m."sentByUserId", m."contextWaMessageId", m."mediaMimeType", m."mediaStorageKey",
      m."mediaProviderId", m."mediaState", m."createdAt", u."name" AS "senderName",
      coalesce((SELECT json_agg(json_build_object('status', e."status", 'at', to_char(e."providerTimestamp", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e."providerTimestamp")
        FROM "WhatsAppStatusEvent" e WHERE e."messageId" = m."id"), '[]') AS "statusEvents"
    FROM "WhatsAppMessage" m LEFT JOIN "User" u ON u."id" = m."sentByUserId"
    WHERE m."conversationId" = ${input.conversationId}
      ${since ? Prisma.sql`AND m."createdAt" >= ${since.toISOString()}::timestamp(3)` : Prisma.empty}
      ${after ? Prisma.sql`AND (m."createdAt", m."id") ${desc ? Prisma.sql`<` : Prisma.sql`>`} (SELECT p."createdAt", p."id" FROM "WhatsAppMessage" p WHERE p."id" = ${after})` : Prisma.empty}
    ORDER BY m."createdAt" ${direction}, m."id" ${direction}
    LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const names = new Map(page.flatMap((m) => (m.sentByUserId && m.senderName ? [[m.sentByUserId, m.senderName] as const] : [])));
  return {
    items: page.map((m) => toMessageView({ ...m, statusEvents: m.statusEvents.map((e) => ({ status: e.status, providerTimestamp: new Date(e.at) })) }, names)),
    nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null,
    historySince: since,
  };
}
