import type { TenantTx } from "../../lib/db";
import { effectiveTier } from "../organizations/effective-tier";
import { planFeatures } from "../organizations/features";
import { trackingSettings, type TrackingSettings } from "./tracking-settings";

// Only the plan features tracking cares about: the settings page says what the plan includes here, not everywhere.
export type TrackingSettingsView = TrackingSettings & { plan: { dispatchMap: boolean; liveTracking: boolean } };

export async function getTrackingSettings(tx: TenantTx, organizationId: string): Promise<TrackingSettingsView> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true, tier: true, trialEndsAt: true } });
  const { dispatchMap, liveTracking } = planFeatures(effectiveTier(organization));
  return { ...trackingSettings(organization.settings), plan: { dispatchMap, liveTracking } };
}
