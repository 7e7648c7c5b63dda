import { Prisma } from "@campotech/database";
import { db, tenantStatements } from "../../lib/db";

// Every organization that can have scheduled work (the system function the other sweeps use; RLS-safe).
export async function activeOrganizationIds(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
  return rows.map((r) => r.id);
}

const PROBES_PER_ROUND_TRIP = 250;

/**
 * issue 22 (outbound): the active organizations for which `probe` — an SQL boolean, evaluated as that organization
 * under RLS — is true, so an every-minute sweep opens transactions only where it has work. One transaction per
 * organization just to find nothing cost ~5 ms of CPU each: at 1,000 organizations the every-minute sweeps alone
 * took more than a minute of CPU per minute (bench/outbound-throughput.ts could not get past them). Here the probes
 * go PROBES_PER_ROUND_TRIP organizations at a time (tenantStatements). A probe must hold wherever the sweep's own
 * query would find something (it may hold more often; never less).
 */
export async function organizationsWith(probe: Prisma.Sql): Promise<string[]> {
  const ids = await activeOrganizationIds();
  const hits: string[] = [];
  for (let start = 0; start < ids.length; start += PROBES_PER_ROUND_TRIP) {
    const chunk = ids.slice(start, start + PROBES_PER_ROUND_TRIP);
    const results = await tenantStatements<{ hit: boolean }>(chunk.map((organizationId) => ({ organizationId, sql: Prisma.sql`SELECT (${probe}) AS "hit"` })));
    chunk.forEach((id, i) => {
      if (results[i]![0]?.hit) hits.push(id);
    });
  }
  return hits;
}
