import type { Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import type { OrganizationEvent } from "../events/organization-event";
import { lockProviderMessageId } from "./lock-provider-message-id";
import { recordStatus, type StatusInput } from "./record-status";

export type ApplyStatusResult = { outcome: "applied" | "parked" | "ignored"; events: OrganizationEvent[] };

// A provider status for one of our outbound messages. Unknown provider id (the send's response has not been
// stored yet, or another process sent it) → parked, applied by applyParkedStatuses when the id appears.
export async function applyStatus(tx: TenantTx, organizationId: string, input: StatusInput): Promise<ApplyStatusResult> {
  await lockProviderMessageId(tx, input.waMessageId);
  const message = await tx.whatsAppMessage.findUnique({
    where: { waMessageId: input.waMessageId },
    select: { id: true, organizationId: true, conversationId: true, waMessageId: true, direction: true },
  });
  // Statuses describe messages we sent; one naming a customer's message is meaningless.
  if (message && message.direction !== "OUTBOUND") return { outcome: "ignored", events: [] };
  if (!message) {
    await tx.whatsAppParkedStatus.createMany({
      data: [{
        organizationId,
        waMessageId: input.waMessageId,
        status: input.status,
        providerStatus: input.providerStatus,
        providerTimestamp: input.timestamp,
        errorCode: input.errorCode ?? null,
        errorTitle: input.errorTitle ?? null,
        ...(input.details && Object.keys(input.details).length ? { details: input.details as Prisma.InputJsonValue } : {}),
      }],
      skipDuplicates: true,
    });
    return { outcome: "parked", events: [] };
  }
  return { outcome: "applied", events: await recordStatus(tx, message, input) };
}
