import type { Redis } from "ioredis";
import type { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { appendAuditLog } from "../audit/append-audit-log";
import { getTrackingSettings, type TrackingSettingsView } from "./get-tracking-settings";
import { forgetTrackingOrganization } from "./tracking-organization";
import { trackingSettings, trackingSettingsSchema, type TrackingSettings } from "./tracking-settings";

// Read-modify-write of Organization.settings.tracking under a row lock (other settings live in the same JSON), then
// the hot path's cached copy is dropped so the next batch uses the new speed, radius or auto-arrival.
export async function updateTrackingSettings(
  organizationId: string,
  userId: string,
  patch: Partial<TrackingSettings>,
  redis: Redis = sharedRedis(),
): Promise<TrackingSettingsView> {
  const view = await withTenant(organizationId, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
    const settings = (organization.settings ?? {}) as Record<string, unknown>;
    const next = trackingSettingsSchema.parse({ ...trackingSettings(settings), ...patch });
    await tx.organization.update({ where: { id: organizationId }, data: { settings: { ...settings, tracking: next } as Prisma.InputJsonObject } });
    await appendAuditLog(tx, { organizationId, actorType: "USER", actorId: userId, action: "tracking.settings_updated", entityType: "Organization", entityId: organizationId, metadata: next });
    return getTrackingSettings(tx, organizationId);
  });
  await whenRedisReady(redis);
  await forgetTrackingOrganization(redis, organizationId);
  return view;
}
