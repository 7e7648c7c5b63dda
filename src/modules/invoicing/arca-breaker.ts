import type { Redis } from "ioredis";
import { withTenant } from "../../lib/db";
import { logger } from "../../lib/logger";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { recordSendOutcome, type PanicPolicy } from "../messaging/panic-breaker";
import { findActivePanic, tripPanicMode } from "../messaging/panic-mode";

// ARCA behind the same circuit breaker as the WhatsApp channels (PanicMode, integration "arca"): outages and
// timeouts trip it, invoices wait while it is active and go out once it resolves (auto-resolve probes FEDummy).
// Invoicing is low volume, so a few failures in a row are enough to call it down.
export const ARCA_INTEGRATION = "arca";
const ARCA_POLICY: PanicPolicy = { windowMs: 10 * 60_000, failureRate: 0.5, minSample: 3, rateLimitStorm: 1_000_000 };
const AUTO_RESOLVE_MS = 5 * 60_000;

export async function arcaPanicActive(organizationId: string): Promise<boolean> {
  return Boolean(await withTenant(organizationId, (tx) => findActivePanic(tx, organizationId, ARCA_INTEGRATION)));
}

export async function recordArcaOutcome(
  redis: Redis,
  input: { organizationId: string; ok: boolean; code?: string; id: string; now: number },
): Promise<void> {
  const decision = await recordSendOutcome(redis, {
    key: `panic:outcomes:${ARCA_INTEGRATION}:${input.organizationId}`,
    outcome: input.ok ? "ok" : "failed",
    now: input.now,
    id: input.id,
    policy: ARCA_POLICY,
  });
  if (!decision.trip) return;
  const { created, panic } = await withTenant(input.organizationId, (tx) =>
    tripPanicMode(tx, {
      organizationId: input.organizationId, integration: ARCA_INTEGRATION, reason: "arca_unavailable", now: new Date(input.now), autoResolveMs: AUTO_RESOLVE_MS,
      metadata: { ...decision.metadata, ...(input.code ? { lastError: input.code } : {}) },
    }),
  );
  if (created) {
    logger.error({ organizationId: input.organizationId, integration: ARCA_INTEGRATION }, "panic mode tripped");
    await publishOrganizationEvents([
      { type: "panic.tripped", organizationId: input.organizationId, panicId: panic.id, integration: ARCA_INTEGRATION, reason: "arca_unavailable", at: new Date(input.now).toISOString() },
    ]);
  }
}
