import type { Redis } from "ioredis";
import type { Tier } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { effectiveTier } from "../organizations/effective-tier";
import { planFeatures, type PlanFeatures } from "../organizations/features";
import { trackingKeys } from "./tracking-keys";
import { trackingSettings, type TrackingSettings } from "./tracking-settings";

export type TrackingOrganization = { tier: Tier; settings: TrackingSettings; features: PlanFeatures };

// Plans and settings change rarely; saving the settings drops the entry at once, a plan change shows within this.
const ORGANIZATION_TTL_SECONDS = 300;

export async function readTrackingOrganization(organizationId: string): Promise<TrackingOrganization> {
  const row = await withTenant(organizationId, (tx) => tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { tier: true, trialEndsAt: true, settings: true } }));
  // The effective tier (an ended trial reads as FREE) is what gets cached and decides.
  const tier = effectiveTier(row);
  return { tier, settings: trackingSettings(row.settings), features: planFeatures(tier) };
}

// The plan and tracking settings for the hot path (ingest, the public page's polling) from Redis, Postgres on a miss.
export async function getTrackingOrganization(redis: Redis, organizationId: string): Promise<TrackingOrganization> {
  const key = trackingKeys.organization(organizationId);
  const cached = await redis.get(key);
  if (cached) {
    const { tier, settings } = JSON.parse(cached) as { tier: Tier; settings: unknown };
    return { tier, settings: trackingSettings({ tracking: settings }), features: planFeatures(tier) };
  }
  const organization = await readTrackingOrganization(organizationId);
  await redis.set(key, JSON.stringify({ tier: organization.tier, settings: organization.settings }), "EX", ORGANIZATION_TTL_SECONDS);
  return organization;
}

export async function forgetTrackingOrganization(redis: Redis, organizationId: string): Promise<void> {
  await redis.del(trackingKeys.organization(organizationId));
}
