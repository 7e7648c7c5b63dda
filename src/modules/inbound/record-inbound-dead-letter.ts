import type { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import type { Logger } from "../../lib/logger";
import { itemKey, type InboundItem, type ItemContext } from "./process-inbound-item";

export type FailedItem = { item: InboundItem; error: unknown };

// An item that still fails on its delivery's last attempt is kept for an operator instead of being lost with the
// job. A redelivery of the same bytes finds the row already there (unique delivery/kind/key) and only updates it.
// The structured error log with the stable code `inbound.dead_letter` is the alert until the alerts job counts rows.
export async function recordInboundDeadLetter(
  failed: FailedItem,
  ctx: Pick<ItemContext, "route" | "provider" | "deliveryId"> & { receivedAt: Date; attempts: number; logger: Logger },
): Promise<string> {
  const { route } = ctx;
  const key = itemKey(failed.item);
  const error = describeError(failed.error);
  const row = await withTenant(route.organizationId, (tx) =>
    tx.inboundDeadLetter.upsert({
      where: { deliveryId_kind_itemKey: { deliveryId: ctx.deliveryId, kind: failed.item.kind, itemKey: key } },
      create: {
        organizationId: route.organizationId,
        accountId: route.accountId,
        provider: ctx.provider,
        kind: failed.item.kind,
        itemKey: key,
        deliveryId: ctx.deliveryId,
        receivedAt: ctx.receivedAt,
        item: JSON.parse(JSON.stringify(failed.item)) as Prisma.InputJsonValue,
        error,
        attempts: ctx.attempts,
      },
      update: { error, attempts: { increment: ctx.attempts } },
      select: { id: true },
    }),
  );
  ctx.logger.error(
    { code: "inbound.dead_letter", deadLetterId: row.id, organizationId: route.organizationId, provider: ctx.provider, kind: failed.item.kind, itemKey: key, error },
    "inbound item dead-lettered after its retries",
  );
  return row.id;
}

// Postgres/Prisma messages can be long and multi-line; the first 2,000 characters say what went wrong.
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2_000);
}
