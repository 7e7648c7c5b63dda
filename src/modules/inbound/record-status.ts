import type { MessageStatus, Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import type { OrganizationEvent } from "../events/organization-event";
import { impliedStatuses, statusesBefore } from "./status-machine";

export type StatusInput = {
  waMessageId: string;
  status: MessageStatus;
  providerStatus: string;
  timestamp: Date;
  errorCode?: string | null;
  errorTitle?: string | null;
  details?: Record<string, unknown>;
};

type TargetMessage = { id: string; organizationId: string; conversationId: string; waMessageId: string | null };

// History first (unique (message, status): a repeated status inserts nothing and does nothing else), then the
// message's current status, advanced only forward with a conditional UPDATE so concurrent statuses cannot
// downgrade it either.
export async function recordStatus(tx: TenantTx, message: TargetMessage, input: StatusInput): Promise<OrganizationEvent[]> {
  const base = { organizationId: message.organizationId, messageId: message.id, providerTimestamp: input.timestamp };
  const inserted = await tx.whatsAppStatusEvent.createMany({
    data: [{
      ...base,
      status: input.status,
      providerStatus: input.providerStatus,
      errorCode: input.errorCode ?? null,
      errorTitle: input.errorTitle ?? null,
      ...(input.details && Object.keys(input.details).length ? { details: input.details as Prisma.InputJsonValue } : {}),
    }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return [];
  const implied = impliedStatuses(input.status);
  if (implied.length) {
    await tx.whatsAppStatusEvent.createMany({
      data: implied.map((status) => ({ ...base, status, providerStatus: input.providerStatus, inferred: true })),
      skipDuplicates: true,
    });
  }
  const updated = await tx.whatsAppMessage.updateMany({
    where: { id: message.id, status: { in: statusesBefore(input.status) } },
    data: {
      status: input.status,
      ...(input.status === "FAILED" ? { errorCode: input.errorCode ?? null, errorTitle: input.errorTitle ?? null } : {}),
    },
  });
  if (updated.count === 0) return [];
  return [{
    type: "message.status",
    organizationId: message.organizationId,
    conversationId: message.conversationId,
    messageId: message.id,
    waMessageId: message.waMessageId,
    status: input.status,
    ...(input.status === "FAILED" ? { errorCode: input.errorCode ?? null } : {}),
    at: input.timestamp.toISOString(),
  }];
}
