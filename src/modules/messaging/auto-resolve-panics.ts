import { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { organizationsWith } from "../reconcile/organization-ids";
import { logger } from "../../lib/logger";
import { defaultDeliveryDeps, type DeliveryDeps } from "./delivery-deps";
import { resolvePanic } from "./panic-admin";

// Runs every minute: an ACTIVE panic whose auto-resolve time has passed is resolved if the provider's health
// probe passes now; otherwise it stays and is probed again next time.
export async function autoResolvePanics(deps: Pick<DeliveryDeps, "providerFor" | "now"> = defaultDeliveryDeps()) {
  const now = new Date(deps.now());
  const organizations = (await organizationsWith(Prisma.sql`EXISTS (SELECT 1 FROM "PanicMode" WHERE "status" = 'ACTIVE'
    AND "autoResolveAt" <= ${now.toISOString()}::timestamp AND "integration" LIKE 'whatsapp:%')`)).map((id) => ({ id }));
  let resolved = 0;
  let stillFailing = 0;
  for (const { id: organizationId } of organizations) {
    const due = await withTenant(organizationId, (tx) =>
      // WhatsApp channels only; other integrations (ARCA) probe their own health (invoicing/auto-resolve-arca-panics.ts).
      tx.panicMode.findMany({ where: { organizationId, status: "ACTIVE", autoResolveAt: { lte: now }, integration: { startsWith: "whatsapp:" } }, select: { id: true, integration: true } }),
    );
    for (const panic of due) {
      const accountId = panic.integration.replace(/^whatsapp:/, "");
      const account = await withTenant(organizationId, (tx) =>
        tx.whatsAppBusinessAccount.findUnique({
          where: { id: accountId },
          select: { bspProvider: true, phoneNumberId: true, wabaId: true, displayPhoneNumber: true, credentialsEncrypted: true },
        }),
      );
      const health = account ? await deps.providerFor(account).healthCheck() : { healthy: false };
      if (!health.healthy) {
        stillFailing++;
        continue;
      }
      await resolvePanic({ organizationId, panicId: panic.id, resolvedBy: "system:auto", resolution: "health probe passed", now });
      resolved++;
    }
  }
  if (resolved || stillFailing) logger.info({ resolved, stillFailing }, "panic auto-resolve pass");
  return { resolved, stillFailing };
}
