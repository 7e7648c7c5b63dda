import { withTenant } from "../../lib/db";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { enqueueDelivery } from "./enqueue-delivery";
import { resolvePanicMode } from "./panic-mode";

export async function listPanicModes(input: { organizationId: string; includeResolved?: boolean }) {
  return withTenant(input.organizationId, (tx) =>
    tx.panicMode.findMany({
      where: { organizationId: input.organizationId, ...(input.includeResolved ? {} : { status: "ACTIVE" }) },
      orderBy: { triggeredAt: "desc" },
      take: 100,
    }),
  );
}

// Resolve by hand (API layer, CLI) or automatically; held messages go out afterwards, once each.
export async function resolvePanic(input: {
  organizationId: string;
  panicId?: string;
  integration?: string;
  resolvedBy: string;
  resolution?: string;
  now?: Date;
}): Promise<{ panicId: string; released: number }> {
  const now = input.now ?? new Date();
  const result = await withTenant(input.organizationId, (tx) =>
    resolvePanicMode(tx, {
      organizationId: input.organizationId,
      resolvedBy: input.resolvedBy,
      resolution: input.resolution ?? "resuelto manualmente",
      now,
      ...(input.panicId ? { panicId: input.panicId } : {}),
      ...(input.integration ? { integration: input.integration } : {}),
    }),
  );
  await publishOrganizationEvents([
    { type: "panic.resolved", organizationId: input.organizationId, panicId: result.panicId, integration: result.integration, released: result.released.length, at: now.toISOString() },
  ]);
  for (const held of result.released) {
    await enqueueDelivery({ organizationId: input.organizationId, messageId: held.messageId, priority: held.priority, round: `p${result.panicId}` });
  }
  return { panicId: result.panicId, released: result.released.length };
}
