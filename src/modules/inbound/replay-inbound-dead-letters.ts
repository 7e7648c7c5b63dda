import type { Database } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import type { CommittedWork } from "./follow-up";
import { processInboundItem, type InboundItem } from "./process-inbound-item";
import { describeError } from "./record-inbound-dead-letter";

export type ReplayOptions = {
  aggregationWindowMs: number;
  // Publishes the replayed item's events and enqueues its jobs (the worker's runFollowUps).
  onCommitted: (work: CommittedWork) => Promise<void>;
};
export type ReplayResult = { replayed: string[]; failed: { id: string; error: string }[] };

type Row = { id: string; organizationId: string; accountId: string; provider: "META_DIRECT" | "DIALOG_360" | "TWILIO"; deliveryId: string; item: unknown };
const ROW_SELECT = { id: true, organizationId: true, accountId: true, provider: true, deliveryId: true, item: true } as const;

/**
 * Runs open dead letters through the same item processor again (after a fix). Idempotent: a message already stored
 * is a duplicate by its provider id and stores nothing; a row is marked replayed once its item went through.
 * An organization's own (API) or, with the owner client, any organization's (CLI).
 */
export async function replayInboundDeadLetters(
  input: { organizationId?: string; id?: string; client?: Pick<Database, "inboundDeadLetter"> },
  options: ReplayOptions,
): Promise<ReplayResult> {
  const where = { replayedAt: null, ...(input.organizationId ? { organizationId: input.organizationId } : {}), ...(input.id ? { id: input.id } : {}) };
  const rows: Row[] = input.client
    ? await input.client.inboundDeadLetter.findMany({ where, orderBy: { createdAt: "asc" }, select: ROW_SELECT })
    : await withTenant(requireOrg(input.organizationId), (tx) => tx.inboundDeadLetter.findMany({ where, orderBy: { createdAt: "asc" }, select: ROW_SELECT }));
  if (input.id && rows.length === 0) {
    throw new AppError("NOT_FOUND", { message: "Ese mensaje entrante no está en la lista de fallidos (o ya se reprocesó)." });
  }
  const result: ReplayResult = { replayed: [], failed: [] };
  for (const row of rows) {
    const route = { organizationId: row.organizationId, accountId: row.accountId };
    try {
      await processInboundItem(reviveItem(row.item), { route, provider: row.provider, deliveryId: row.deliveryId, ...options });
      await withTenant(row.organizationId, (tx) =>
        tx.inboundDeadLetter.updateMany({ where: { id: row.id, replayedAt: null }, data: { replayedAt: new Date(), replayCount: { increment: 1 }, lastReplayError: null } }),
      );
      result.replayed.push(row.id);
    } catch (error) {
      const message = describeError(error);
      await withTenant(row.organizationId, (tx) =>
        tx.inboundDeadLetter.update({ where: { id: row.id }, data: { replayCount: { increment: 1 }, lastReplayError: message } }),
      );
      result.failed.push({ id: row.id, error: message });
    }
  }
  return result;
}

function requireOrg(organizationId: string | undefined): string {
  if (!organizationId) throw new AppError("VALIDATION_FAILED", { message: "Falta la organización." });
  return organizationId;
}

// The stored JSON has ISO strings where the item had Dates.
function reviveItem(json: unknown): InboundItem {
  const item = json as InboundItem;
  if (item.kind === "message") return { ...item, message: { ...item.message, timestamp: new Date(item.message.timestamp as unknown as string) } };
  if (item.kind === "status") return { ...item, status: { ...item.status, timestamp: new Date(item.status.timestamp as unknown as string) } };
  return item;
}
