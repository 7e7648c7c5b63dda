import type { TenantTx } from "../../lib/db";
import { sqlInstant, type ReportRange } from "./report-range";

export type AssistantResolutionReport = { conversations: number; assistantOnly: number; withPerson: number; noReply: number; assistantShareBps: number | null };

// Conversations where the customer wrote in the range. The assistant resolved it alone when it replied and, in the
// range, no person sent a message and nobody assigned the conversation (an assignment is an audit
// "conversation.assign"). A person counts even if the assistant also replied. The share is in basis points of all
// conversations (7500 = 75 %), null with no conversations.
export async function measureAssistantResolution(tx: TenantTx, organizationId: string, range: ReportRange): Promise<AssistantResolutionReport> {
  const start = sqlInstant(range.start);
  const end = sqlInstant(range.end);
  const rows = await tx.$queryRaw<{ conversations: number; assistant_only: number; with_person: number; no_reply: number }[]>`
    WITH active AS (
      SELECT DISTINCT m."conversationId" AS id
        FROM "WhatsAppMessage" m
        JOIN "WhatsAppConversation" c ON c."id" = m."conversationId"
        JOIN "Customer" cu ON cu."id" = c."customerId"
       WHERE m."organizationId" = ${organizationId} AND cu."staffUserId" IS NULL AND m."direction" = 'INBOUND'
         AND m."createdAt" >= ${start}::timestamp(3) AND m."createdAt" < ${end}::timestamp(3)
    ), flags AS (
      SELECT a.id,
             EXISTS (SELECT 1 FROM "WhatsAppMessage" o WHERE o."conversationId" = a.id AND o."direction" = 'OUTBOUND' AND o."status" <> 'FAILED'
                        AND o."sentByUserId" IS NOT NULL AND o."sentByUserId" <> 'assistant'
                        AND o."createdAt" >= ${start}::timestamp(3) AND o."createdAt" < ${end}::timestamp(3))
          OR EXISTS (SELECT 1 FROM "AuditLog" l WHERE l."organizationId" = ${organizationId} AND l."entityType" = 'WhatsAppConversation' AND l."entityId" = a.id
                        AND l."action" = 'conversation.assign' AND l."createdAt" >= ${start}::timestamp(3) AND l."createdAt" < ${end}::timestamp(3)) AS person,
             EXISTS (SELECT 1 FROM "WhatsAppMessage" o WHERE o."conversationId" = a.id AND o."direction" = 'OUTBOUND' AND o."status" <> 'FAILED'
                        AND o."sentByUserId" = 'assistant' AND o."createdAt" >= ${start}::timestamp(3) AND o."createdAt" < ${end}::timestamp(3)) AS assistant
        FROM active a
    )
    SELECT count(*)::int AS conversations,
           count(*) FILTER (WHERE assistant AND NOT person)::int AS assistant_only,
           count(*) FILTER (WHERE person)::int AS with_person,
           count(*) FILTER (WHERE NOT assistant AND NOT person)::int AS no_reply
      FROM flags`;
  const row = rows[0]!;
  return {
    conversations: row.conversations, assistantOnly: row.assistant_only, withPerson: row.with_person, noReply: row.no_reply,
    assistantShareBps: row.conversations === 0 ? null : Math.round((row.assistant_only * 10_000) / row.conversations),
  };
}
