import { Prisma } from "@campotech/database";
import { feDummy } from "../../integrations/arca";
import { withTenant } from "../../lib/db";
import { organizationsWith } from "../reconcile/organization-ids";
import { logger } from "../../lib/logger";
import { resolvePanic } from "../messaging/panic-admin";
import { arcaEndpoints } from "./arca-context";
import { ARCA_INTEGRATION } from "./arca-breaker";

// Every minute (the maintenance job): an ARCA panic whose time is up is resolved when FEDummy says ARCA's three
// servers are OK again; the invoices waiting for it then go out on their next poll.
export async function autoResolveArcaPanics(input: { now?: Date; timeoutMs?: number } = {}): Promise<{ resolved: number; stillFailing: number }> {
  const now = input.now ?? new Date();
  const organizations = (await organizationsWith(Prisma.sql`EXISTS (SELECT 1 FROM "PanicMode" WHERE "status" = 'ACTIVE'
    AND "autoResolveAt" <= ${now.toISOString()}::timestamp AND "integration" = ${ARCA_INTEGRATION})`)).map((id) => ({ id }));
  let resolved = 0;
  let stillFailing = 0;
  for (const { id: organizationId } of organizations) {
    const due = await withTenant(organizationId, async (tx) => ({
      panic: await tx.panicMode.findFirst({ where: { organizationId, status: "ACTIVE", integration: ARCA_INTEGRATION, autoResolveAt: { lte: now } }, select: { id: true } }),
      connection: await tx.arcaConnection.findUnique({ where: { organizationId }, select: { environment: true } }),
    }));
    if (!due.panic) continue;
    const healthy = due.connection
      ? await feDummy({ endpoint: arcaEndpoints(due.connection.environment).wsfe, timeoutMs: input.timeoutMs ?? 10_000 })
          .then((d) => d.appServer === "OK" && d.dbServer === "OK" && d.authServer === "OK")
          .catch(() => false)
      : false;
    if (!healthy) {
      stillFailing++;
      continue;
    }
    await resolvePanic({ organizationId, panicId: due.panic.id, resolvedBy: "system:auto", resolution: "ARCA FEDummy OK", now });
    resolved++;
  }
  if (resolved || stillFailing) logger.info({ resolved, stillFailing }, "arca panic auto-resolve pass");
  return { resolved, stillFailing };
}
