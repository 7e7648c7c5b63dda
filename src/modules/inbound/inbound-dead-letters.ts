import type { Database } from "@campotech/database";
import { withTenant } from "../../lib/db";

type Client = Pick<Database, "inboundDeadLetter">;

const LIST_SELECT = {
  id: true, provider: true, kind: true, itemKey: true, deliveryId: true, receivedAt: true, item: true, error: true,
  attempts: true, replayCount: true, lastReplayError: true, createdAt: true, replayedAt: true,
} as const;

/** An organization's inbound dead letters, open ones first by default (OWNER/ADMIN: API, dashboard). */
export async function listInboundDeadLetters(input: { organizationId: string; includeReplayed?: boolean; limit?: number }) {
  return withTenant(input.organizationId, (tx) =>
    tx.inboundDeadLetter.findMany({
      where: { organizationId: input.organizationId, ...(input.includeReplayed ? {} : { replayedAt: null }) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(input.limit ?? 50, 200),
      select: LIST_SELECT,
    }),
  );
}

/** Operators (CLI, owner role): every organization's open dead letters, or one organization's. */
export async function listOpenInboundDeadLettersAsOperator(client: Client, input: { organizationId?: string; limit?: number } = {}) {
  return client.inboundDeadLetter.findMany({
    where: { replayedAt: null, ...(input.organizationId ? { organizationId: input.organizationId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(input.limit ?? 100, 1_000),
    select: { ...LIST_SELECT, organizationId: true },
  });
}

/** For alerts: open (not replayed) inbound dead letters created since `since`, across organizations with an owner client. */
export async function countOpenInboundDeadLetters(client: Client, input: { since: Date; organizationId?: string }): Promise<number> {
  return client.inboundDeadLetter.count({
    where: { replayedAt: null, createdAt: { gte: input.since }, ...(input.organizationId ? { organizationId: input.organizationId } : {}) },
  });
}
