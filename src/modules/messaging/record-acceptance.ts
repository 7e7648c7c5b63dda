import { Prisma } from "@campotech/database";
import { withTenantLocked } from "../../lib/db";
import type { OrganizationEvent } from "../events/organization-event";
import { applyParkedStatuses } from "../inbound/apply-parked-statuses";
import { providerMessageIdLock } from "../inbound/lock-provider-message-id";

// issue 22 (outbound): the provider took the message. Its id, the delivery's bookkeeping and the check for statuses
// that raced ahead of the send are ONE statement after the provider-id lock (was five statements); the parked
// statuses themselves are applied only when there are any (rare: a status webhook faster than our own commit).
export async function recordAcceptance(input: {
  organizationId: string;
  messageId: string;
  providerMessageId: string;
  attempts: number;
  // The send's rate-limit slot time: the instant the limiter counted, so audits of the limit
  // (bench/outbound-throughput.ts) see exactly what the limiter saw.
  slotAt: number;
  // When the event says it happened (the delivery's clock).
  at: Date;
}): Promise<OrganizationEvent[]> {
  const { organizationId, messageId, providerMessageId } = input;
  // The lock is taken with the tenant setting, in the statement before the update: the check below must see what a
  // status webhook committed while we waited for it.
  return withTenantLocked(organizationId, providerMessageIdLock(providerMessageId), async (tx) => {
    const updatedAt = new Date().toISOString(); // what Prisma's @updatedAt would write
    const [row] = await tx.$queryRaw<{ conversationId: string; parked: boolean }[]>(Prisma.sql`
      WITH message AS (
        UPDATE "WhatsAppMessage" SET "waMessageId" = ${providerMessageId}, "errorCode" = NULL, "errorTitle" = NULL, "updatedAt" = ${updatedAt}::timestamp
         WHERE "id" = ${messageId}
         RETURNING "conversationId"
      ), delivery AS (
        UPDATE "OutboundDelivery"
           SET "acceptedAt" = ${new Date(input.slotAt).toISOString()}::timestamp, "attempts" = ${input.attempts}, "lastErrorCode" = NULL,
               "lastErrorTitle" = NULL, "nextAttemptAt" = NULL, "updatedAt" = ${updatedAt}::timestamp
         WHERE "messageId" = ${messageId}
         RETURNING 1
      )
      SELECT message."conversationId",
             EXISTS (SELECT 1 FROM "WhatsAppParkedStatus" s WHERE s."organizationId" = ${organizationId} AND s."waMessageId" = ${providerMessageId}) AS "parked"
        FROM message, delivery`);
    if (!row) throw new Error(`outbound message ${messageId} vanished before its provider id was stored`);
    const parked = row.parked ? await applyParkedStatuses(tx, providerMessageId) : { events: [] };
    const accepted: OrganizationEvent = {
      type: "message.updated", organizationId, conversationId: row.conversationId,
      messageId, fields: { waMessageId: providerMessageId }, at: input.at.toISOString(),
    };
    return [accepted, ...parked.events];
  });
}
