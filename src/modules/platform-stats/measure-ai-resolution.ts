import type { Database } from "@campotech/database";
import { sqlInstant } from "../reports/report-range";
import type { StatsPeriod } from "./stats-period";

export type AiResolution = { conversations: number; handledByAssistant: number; resolvedByAssistant: number; rate: number | null };

// conversations = conversations where a customer wrote in the period (staff's own conversations excluded).
// handledByAssistant = of those, the ones where the assistant sent an answer in the period (an outbound message
// with sentByUserId "assistant" that did not fail). resolvedByAssistant = handled ones where no person answered in
// the period (no non-failed outbound message sent by a user) and nobody assigned the conversation (an audit
// "conversation.assign") — the same rule as the organization reports (reports/measure-assistant-resolution.ts).
// rate = resolvedByAssistant / handledByAssistant; null when the assistant handled none.
export async function measureAiResolution(database: Database, period: StatsPeriod): Promise<AiResolution> {
  const start = sqlInstant(period.start);
  const end = sqlInstant(period.end);
  const rows = await database.$queryRaw<{ conversations: number; handled: number; resolved: number }[]>`
    WITH active AS (
      SELECT DISTINCT m."conversationId" AS id, m."organizationId" AS org
        FROM "WhatsAppMessage" m
        JOIN "WhatsAppConversation" c ON c."id" = m."conversationId"
        JOIN "Customer" cu ON cu."id" = c."customerId"
       WHERE cu."staffUserId" IS NULL AND m."direction" = 'INBOUND'
         AND m."createdAt" >= ${start}::timestamp(3) AND m."createdAt" < ${end}::timestamp(3)
    ), flags AS (
      SELECT EXISTS (SELECT 1 FROM "WhatsAppMessage" o WHERE o."conversationId" = a.id AND o."direction" = 'OUTBOUND' AND o."status" <> 'FAILED'
                        AND o."sentByUserId" = 'assistant' AND o."createdAt" >= ${start}::timestamp(3) AND o."createdAt" < ${end}::timestamp(3)) AS assistant,
             EXISTS (SELECT 1 FROM "WhatsAppMessage" o WHERE o."conversationId" = a.id AND o."direction" = 'OUTBOUND' AND o."status" <> 'FAILED'
                        AND o."sentByUserId" IS NOT NULL AND o."sentByUserId" <> 'assistant'
                        AND o."createdAt" >= ${start}::timestamp(3) AND o."createdAt" < ${end}::timestamp(3))
          OR EXISTS (SELECT 1 FROM "AuditLog" l WHERE l."organizationId" = a.org AND l."entityType" = 'WhatsAppConversation' AND l."entityId" = a.id
                        AND l."action" = 'conversation.assign' AND l."createdAt" >= ${start}::timestamp(3) AND l."createdAt" < ${end}::timestamp(3)) AS person
        FROM active a
    )
    SELECT count(*)::int AS conversations,
           count(*) FILTER (WHERE assistant)::int AS handled,
           count(*) FILTER (WHERE assistant AND NOT person)::int AS resolved
      FROM flags`;
  const { conversations, handled, resolved } = rows[0]!;
  return { conversations, handledByAssistant: handled, resolvedByAssistant: resolved, rate: handled === 0 ? null : resolved / handled };
}
