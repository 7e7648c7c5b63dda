import { Prisma, type BspProvider, type ProvisioningStatus, type TenantTx } from "@campotech/database";
import { tenantFirstRows, withTenant } from "../../lib/db";
import { microBatch } from "../../lib/micro-batch";
import { earlierUnsentMessageSql } from "./earlier-unsent-message";
import { messagingSettings, type MessagingSettings } from "./messaging-settings";
import { integrationOf } from "./outbound-keys";
import { findActivePanic, lockIntegrationShared } from "./panic-mode";

export type LoadedDelivery = {
  message: { id: string; conversationId: string; waMessageId: string | null; status: string; type: string; content: unknown; contextWaMessageId: string | null };
  delivery: {
    recipient: string; priority: string; purpose: string; templateFallback: unknown; attempts: number; heldAt: Date | null;
    deadLetteredAt: Date | null; smsFallback: boolean; sealedContent: string | null; secretExpiresAt: Date | null;
  };
  account: { id: string; bspProvider: BspProvider; phoneNumberId: string | null; wabaId: string | null; displayPhoneNumber: string; credentialsEncrypted: string; provisioningStatus: ProvisioningStatus };
  panic: { id: string; reason: string } | null;
  // An earlier message of the conversation still to be handed over (earlier-unsent-message.ts); null while a panic holds.
  earlier: string | null;
  settings: MessagingSettings;
};

type Row = LoadedDelivery["message"] & LoadedDelivery["delivery"] & {
  settings: unknown; accountId: string; bspProvider: BspProvider; phoneNumberId: string | null; wabaId: string | null;
  displayPhoneNumber: string; credentialsEncrypted: string; provisioningStatus: ProvisioningStatus;
  panicId: string | null; panicReason: string | null; earlierId: string | null;
};

// issue 22 (outbound): everything one delivery attempt needs — message, delivery, account credentials, the
// organization's messaging settings, the integration's ACTIVE panic (indexed) and the per-conversation order
// check — in ONE statement (was six), read together with the other deliveries the worker runs at that moment (one
// transaction and one round trip for all of them, readBatched). Nothing is cached between attempts, so a changed setting,
// rotated credential or tripped panic holds from the very next attempt.
export async function loadDelivery(organizationId: string, messageId: string, now: number): Promise<LoadedDelivery | null> {
  const row = await readBatched({ organizationId, messageId, now });
  if (row instanceof Error) throw row;
  if (!row) return null;
  const loaded = toLoaded(row);
  // The rare case, a panic: decided again under the integration's lock, and the message marked held.
  return loaded.panic ? loadUnderPanic(organizationId, messageId, now) : loaded;
}

// The deliveries a worker runs at once read together: one transaction, one round trip (tenantStatements). If the
// batch fails, each is read on its own, so one bad item fails only itself.
const readBatched = microBatch((items: { organizationId: string; messageId: string; now: number }[]) =>
  tenantFirstRows<Row>(items.map((item) => ({ organizationId: item.organizationId, sql: readSql(item.messageId, item.now) }))), { maxSize: 64 });

async function loadUnderPanic(organizationId: string, messageId: string, now: number): Promise<LoadedDelivery | null> {
  return withTenant(organizationId, async (tx) => {
    const [row] = await tx.$queryRaw<Row[]>(readSql(messageId, now));
    if (!row) return null;
    let loaded = toLoaded(row);
    if (loaded.panic) {
      // issue 22 (faults): a hold is written only under the integration's shared lock, re-reading the panic after
      // taking it — a resolve (exclusive lock) either commits first and is seen here, or waits and lifts this hold.
      // Never a hold written after the release that nothing would ever lift.
      await lockIntegrationShared(tx, organizationId, integrationOf(row.accountId));
      const panic = await findActivePanic(tx, organizationId, integrationOf(row.accountId));
      loaded = { ...loaded, panic: panic ? { id: panic.id, reason: panic.reason } : null, earlier: panic ? null : row.earlierId };
    }
    if (loaded.panic && !row.waMessageId && row.status === "QUEUED" && !row.deadLetteredAt) await markHeld(tx, messageId, row.heldAt, loaded.panic.reason, now);
    return loaded;
  });
}

function readSql(messageId: string, now: number): Prisma.Sql {
  // The integration name is integrationOf(accountId) ("whatsapp:<accountId>", outbound-keys.ts) spelled in SQL.
  return Prisma.sql`
    SELECT m."id", m."conversationId", m."waMessageId", m."status"::text AS "status", m."type"::text AS "type", m."content", m."contextWaMessageId",
           d."recipient", d."priority"::text AS "priority", d."purpose", d."templateFallback", d."attempts", d."heldAt", d."deadLetteredAt",
           d."smsFallback", d."sealedContent", d."secretExpiresAt",
           o."settings",
           a."id" AS "accountId", a."bspProvider", a."phoneNumberId", a."wabaId", a."displayPhoneNumber", a."credentialsEncrypted", a."provisioningStatus",
           p."id" AS "panicId", p."reason" AS "panicReason",
           earlier."earlierId"
      FROM "WhatsAppMessage" m
      JOIN "OutboundDelivery" d ON d."messageId" = m."id"
      JOIN "Organization" o ON o."id" = m."organizationId"
      JOIN "WhatsAppBusinessAccount" a ON a."id" = m."accountId"
      LEFT JOIN LATERAL (
        SELECT pm."id", pm."reason" FROM "PanicMode" pm
         WHERE pm."organizationId" = m."organizationId" AND pm."integration" = 'whatsapp:' || a."id" AND pm."status" = 'ACTIVE'
         LIMIT 1
      ) p ON true
      ${earlierUnsentMessageSql(now)}
     WHERE m."id" = ${messageId}`;
}

function toLoaded(row: Row): LoadedDelivery {
  const panic = row.panicId ? { id: row.panicId, reason: row.panicReason ?? "" } : null;
  return {
    message: {
      id: row.id, conversationId: row.conversationId, waMessageId: row.waMessageId, status: row.status, type: row.type, content: row.content,
      contextWaMessageId: row.contextWaMessageId,
    },
    delivery: {
      recipient: row.recipient, priority: row.priority, purpose: row.purpose, templateFallback: row.templateFallback, attempts: Number(row.attempts),
      heldAt: row.heldAt, deadLetteredAt: row.deadLetteredAt, smsFallback: row.smsFallback, sealedContent: row.sealedContent, secretExpiresAt: row.secretExpiresAt,
    },
    account: {
      id: row.accountId, bspProvider: row.bspProvider, phoneNumberId: row.phoneNumberId, wabaId: row.wabaId, displayPhoneNumber: row.displayPhoneNumber,
      credentialsEncrypted: row.credentialsEncrypted, provisioningStatus: row.provisioningStatus,
    },
    panic,
    earlier: panic ? null : row.earlierId,
    settings: messagingSettings(row.settings),
  };
}

async function markHeld(tx: TenantTx, messageId: string, heldAt: Date | null, reason: string, now: number): Promise<void> {
  await tx.outboundDelivery.update({ where: { messageId }, data: { heldAt: heldAt ?? new Date(now), heldReason: reason } });
}
