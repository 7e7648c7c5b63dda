import type { TenantTx } from "../../lib/db";

// For each conversation, its first inbound message since `since` and the first outbound message after it (from a
// person or the assistant; failed sends don't count as an answer). Median of those waits, in seconds; null when
// no conversation has both. Conversations still waiting for a reply are left out (they have no time yet).
export async function medianFirstResponse(tx: TenantTx, input: { organizationId: string; since: Date }): Promise<{ medianSeconds: number | null; conversations: number }> {
  const rows = await tx.$queryRaw<{ median: number | null; n: bigint }[]>`
    WITH firsts AS (
      SELECT DISTINCT ON (m."conversationId") m."conversationId", m."createdAt"
        FROM "WhatsAppMessage" m
        JOIN "WhatsAppConversation" c ON c."id" = m."conversationId"
        JOIN "Customer" cu ON cu."id" = c."customerId"
       WHERE m."organizationId" = ${input.organizationId} AND m."direction" = 'INBOUND' AND m."createdAt" >= ${input.since.toISOString()}::timestamp(3)
         AND cu."staffUserId" IS NULL
       ORDER BY m."conversationId", m."createdAt"
    ), waits AS (
      SELECT EXTRACT(EPOCH FROM (r."createdAt" - f."createdAt")) AS seconds
        FROM firsts f
        CROSS JOIN LATERAL (
          SELECT o."createdAt" FROM "WhatsAppMessage" o
           WHERE o."conversationId" = f."conversationId" AND o."direction" = 'OUTBOUND' AND o."status" <> 'FAILED'
             AND o."createdAt" > f."createdAt"
           ORDER BY o."createdAt" LIMIT 1
        ) r
    )
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::float8 AS median, count(*) AS n FROM waits`;
  const row = rows[0];
  const median = row?.median ?? null;
  return { medianSeconds: median === null ? null : Math.round(median), conversations: Number(row?.n ?? 0) };
}
