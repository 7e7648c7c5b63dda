import type { Redis } from "ioredis";
import { db, withTenant, type TenantTx } from "../../lib/db";
import { scanKeys } from "../../lib/redis";
import { trackingGeoPattern, trackingKeys } from "./tracking-keys";
import { trackingSettings } from "./tracking-settings";

export type PurgePass = { organizations: number; deleted: number; geoMembersRemoved: number };

// Retention (tracking.maintenance): each organization's history older than its historyRetentionDays goes; GEO set
// members whose last-seen key expired are removed (the map already treats them as "sin señal", this keeps the sets
// and radius searches small).
export async function purgePositionHistory(redis: Redis, input: { now?: Date } = {}): Promise<PurgePass> {
  const now = input.now ?? new Date();
  const pass: PurgePass = { organizations: 0, deleted: 0, geoMembersRemoved: 0 };
  const organizations = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
  for (const { id: organizationId } of organizations) {
    const deleted = await withTenant(organizationId, (tx) => purgeOrganizationPositions(tx, organizationId, { now }));
    pass.organizations += 1;
    pass.deleted += deleted;
  }
  pass.geoMembersRemoved = await pruneGeoSets(redis);
  return pass;
}

// One organization's points older than its historyRetentionDays (also run by the daily retention job, which reports
// it with the other kinds). Deletes at most `limit` rows per call so a big organization never holds a long lock;
// dryRun only counts.
export async function purgeOrganizationPositions(
  tx: TenantTx,
  organizationId: string,
  input: { now: Date; dryRun?: boolean; limit?: number },
): Promise<number> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  const cutoff = new Date(input.now.getTime() - trackingSettings(organization.settings).historyRetentionDays * 86_400_000);
  const where = { organizationId, recordedAt: { lt: cutoff } };
  if (input.dryRun) return tx.technicianPosition.count({ where });
  if (input.limit === undefined) return (await tx.technicianPosition.deleteMany({ where })).count;
  const ids = await tx.technicianPosition.findMany({ where, select: { id: true }, take: input.limit });
  return (await tx.technicianPosition.deleteMany({ where: { id: { in: ids.map((r) => r.id) } } })).count;
}

async function pruneGeoSets(redis: Redis): Promise<number> {
  let removed = 0;
  // issue 22 (cluster): every node's keys, not only those of the node a plain SCAN lands on.
  for await (const key of scanKeys(redis, trackingGeoPattern())) {
    const organizationId = /\{([^}]+)\}/.exec(key)?.[1];
    if (!organizationId) continue;
    const members = await redis.zrange(key, 0, -1);
    if (!members.length) continue;
    const alive = await redis.mget(...members.map((m) => trackingKeys.last(organizationId, m)));
    const stale = members.filter((_, i) => !alive[i]);
    if (stale.length) removed += await redis.zrem(key, ...stale);
  }
  return removed;
}
