import { Prisma } from "@campotech/database";

// Older than this, an unsent message no longer holds the conversation back: a bug or a forgotten row must not
// silence a customer for good. (Retries run out in well under an hour; a panic hold holds everything anyway.)
const ORDER_HORIZON_MS = 6 * 3600_000;

/**
 * Messages to one customer reach the provider in the order they were created: a message waits while an earlier
 * one of its conversation is still to be handed over (queued, retrying, held, released after a panic) — unless that
 * one was dead-lettered, failed for good, or is scheduled for later. Per conversation only: other conversations of
 * the organization are not held back. The caller delays the job when this finds an id.
 *
 * issue 22 (outbound): a LATERAL subquery over the message row `m` (alias "earlierId"), so the delivery reads it in
 * the same statement as everything else it needs (load-delivery.ts) instead of a round trip of its own.
 */
export function earlierUnsentMessageSql(now: number): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
    SELECT e."id" AS "earlierId"
      FROM "WhatsAppMessage" e
      JOIN "OutboundDelivery" ed ON ed."messageId" = e."id"
     WHERE e."conversationId" = m."conversationId"
       AND e."direction" = 'OUTBOUND' AND e."status" = 'QUEUED' AND e."waMessageId" IS NULL AND e."id" <> m."id"
       AND (e."createdAt" < m."createdAt" OR (e."createdAt" = m."createdAt" AND e."id" < m."id"))
       AND e."createdAt" > ${new Date(now - ORDER_HORIZON_MS).toISOString()}::timestamp
       AND ed."deadLetteredAt" IS NULL
       AND (ed."scheduledAt" IS NULL OR ed."scheduledAt" <= ${new Date(now).toISOString()}::timestamp)
     ORDER BY e."createdAt" ASC, e."id" ASC
     LIMIT 1
  ) earlier ON true`;
}
