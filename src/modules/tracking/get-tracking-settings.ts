import type { TenantTx } from "../../lib/db";
import { effectiveTier } from "../organizations/effective-tier";
import { planFeatures, type PlanFeatures } from "../organizations/features";
import { trackingSettings, type TrackingSettings } from "./tracking-settings";

export type TrackingSettingsView = TrackingSettings & { plan: PlanFeatures };

export async function getTrackingSettings(tx: TenantTx, organizationId: string): Promise<TrackingSettingsView> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true, tier: true, trialEndsAt: true } });
  return { ...trackingSettings(organization.settings), plan: planFeatures(effectiveTier(organization)) };
}
