import type { TenantTx } from "../../lib/db";
import type { OrganizationEvent } from "../events/organization-event";
import { lockProviderMessageId } from "./lock-provider-message-id";
import { recordStatus } from "./record-status";

// Call in the transaction that gives an outbound message its provider id (the outbound engine does, right after
// storing the send's response). Applies, in provider-time order, the statuses that arrived before that, and
// deletes them. Returns the events to publish after commit.
export async function applyParkedStatuses(tx: TenantTx, waMessageId: string): Promise<{ applied: number; events: OrganizationEvent[] }> {
  await lockProviderMessageId(tx, waMessageId);
  const message = await tx.whatsAppMessage.findUnique({
    where: { waMessageId },
    select: { id: true, organizationId: true, conversationId: true, waMessageId: true, direction: true },
  });
  if (!message || message.direction !== "OUTBOUND") return { applied: 0, events: [] };
  const parked = await tx.whatsAppParkedStatus.findMany({ where: { waMessageId }, orderBy: { providerTimestamp: "asc" } });
  const events: OrganizationEvent[] = [];
  for (const status of parked) {
    events.push(
      ...(await recordStatus(tx, message, {
        waMessageId,
        status: status.status,
        providerStatus: status.providerStatus,
        timestamp: status.providerTimestamp,
        errorCode: status.errorCode,
        errorTitle: status.errorTitle,
        ...(status.details && typeof status.details === "object" ? { details: status.details as Record<string, unknown> } : {}),
      })),
    );
  }
  if (parked.length) await tx.whatsAppParkedStatus.deleteMany({ where: { id: { in: parked.map((p) => p.id) } } });
  // Several parked statuses collapse into the last status change for the dashboard.
  return { applied: parked.length, events: events.slice(-1) };
}
