import { Prisma } from "@campotech/database";
import { tenantFirstRows, withTenantLocked } from "../../lib/db";
import { microBatch } from "../../lib/micro-batch";
import type { OrganizationEvent } from "../events/organization-event";
import { applyParkedStatuses } from "../inbound/apply-parked-statuses";
import { providerMessageIdLock } from "../inbound/lock-provider-message-id";

// issue 22 (outbound): the provider took the message. Its id, the delivery's bookkeeping and the check for statuses
// that raced ahead of the send are ONE statement after the provider-id lock (was five statements), batched with the
// acceptances of other deliveries running at the same moment; the parked statuses themselves are applied only when there are any (rare: a status webhook faster than our own commit).
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
  const accepted = (conversationId: string): OrganizationEvent => ({
    type: "message.updated", organizationId, conversationId, messageId, fields: { waMessageId: providerMessageId }, at: input.at.toISOString(),
  });
  // The common case: with the other acceptances of this moment, in one transaction and one round trip
  // (acceptBatched). Statuses that raced ahead of our commit (rare) are applied below, under the same lock again.
  const row = await acceptBatched(input);
  if (row instanceof Error) throw row;
  if (!row) throw new Error(`outbound message ${messageId} vanished before its provider id was stored`);
  if (!row.parked) return [accepted(row.conversationId)];
  return withTenantLocked(organizationId, providerMessageIdLock(providerMessageId), async (tx) => {
    const [row] = await tx.$queryRaw<AcceptedRow[]>(acceptSql(input));
    if (!row) throw new Error(`outbound message ${messageId} vanished before its provider id was stored`);
    const parked = row.parked ? await applyParkedStatuses(tx, providerMessageId) : { events: [] };
    return [accepted(row.conversationId), ...parked.events];
  });
}

type AcceptedRow = { conversationId: string; parked: boolean };
type AcceptInput = { organizationId: string; messageId: string; providerMessageId: string; attempts: number; slotAt: number };

// Each statement runs after its provider-id lock and its organization are set, in the round trip's order: the
// parked check sees what a status webhook committed while the lock was awaited. Locks in key order (a batch never
// waits on another batch in a cycle). If the batch fails, each acceptance is stored on its own.
const acceptBatched = microBatch((items: AcceptInput[]) => tenantFirstRows<AcceptedRow>(items.map((item) => ({
  organizationId: item.organizationId, sql: acceptSql(item), advisoryLock: providerMessageIdLock(item.providerMessageId),
}))), { maxSize: 64 });

function acceptSql(input: AcceptInput): Prisma.Sql {
  const { organizationId, messageId, providerMessageId } = input;
  const updatedAt = new Date().toISOString(); // what Prisma's @updatedAt would write
  return Prisma.sql`
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
        FROM message, delivery`;
}
